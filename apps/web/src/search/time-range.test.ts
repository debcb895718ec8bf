import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveRange, toLocalInput } from './time-range.ts';

const NOW = Date.parse('2026-03-01T12:00:00Z');

test('a preset ends now and reaches back its length', () => {
  assert.deepEqual(resolveRange({ kind: 'relative', preset: '1h' }, NOW), {
    ok: true,
    from: '2026-03-01T11:00:00.000Z',
    to: '2026-03-01T12:00:00.000Z',
  });
});

test('an absolute range is read in local time and must run forwards', () => {
  const from = toLocalInput(NOW - 3_600_000);
  const to = toLocalInput(NOW);
  assert.deepEqual(resolveRange({ kind: 'absolute', from, to }, 0), {
    ok: true,
    from: '2026-03-01T11:00:00.000Z',
    to: '2026-03-01T12:00:00.000Z',
  });
  assert.equal(resolveRange({ kind: 'absolute', from: to, to: from }, 0).ok, false);
  assert.equal(resolveRange({ kind: 'absolute', from: '', to }, 0).ok, false);
});
