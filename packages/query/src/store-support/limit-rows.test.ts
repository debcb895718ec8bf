import assert from 'node:assert/strict';
import { test } from 'node:test';
import { limitRows } from './limit-rows.ts';

test('rows past the limit are cut and flagged; an exact fit is not truncated', () => {
  assert.deepEqual(limitRows([1, 2, 3], 2), { rows: [1, 2], truncated: true });
  assert.deepEqual(limitRows([1, 2], 2), { rows: [1, 2] });
  assert.deepEqual(limitRows([], 5), { rows: [] });
});
