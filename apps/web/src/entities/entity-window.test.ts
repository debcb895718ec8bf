import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entityWindowFromSearch, entityWindowSearch } from './entity-window.ts';

test('the window round-trips through the address and keeps the workspace', () => {
  const at = Date.UTC(2026, 5, 1, 10);
  const search = entityWindowSearch('?workspace=default', { at, before: '6h', after: '15m' });
  assert.match(search, /^\?workspace=default&at=/);
  assert.deepEqual(entityWindowFromSearch(search), { at, before: '6h', after: '15m' });
  assert.deepEqual(entityWindowFromSearch(entityWindowSearch(search, { days: 7 })), { days: 7 });
  assert.equal(entityWindowSearch(search, { days: 30 }), '?workspace=default');
});

test('unusable values fall back to the defaults', () => {
  assert.deepEqual(entityWindowFromSearch('?at=soon'), { days: 30 });
  assert.deepEqual(entityWindowFromSearch('?days=12'), { days: 30 });
  const at = Date.UTC(2026, 0, 2);
  assert.deepEqual(entityWindowFromSearch(`?at=${new Date(at).toISOString()}&before=9y`), {
    at,
    before: '1h',
    after: '1h',
  });
});
