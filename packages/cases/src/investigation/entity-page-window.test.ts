import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isVigilError } from '@vigil/core';
import { entityPageWindow, overlapsWindow } from './entity-page-window.ts';

const now = Date.UTC(2026, 5, 1, 12);
const H = 3_600_000;

function field(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    assert.ok(isVigilError(err));
    return err.details?.['field'];
  }
  assert.fail('expected a refusal');
}

test('look-back by days, or a window around a time', () => {
  assert.deepEqual(entityPageWindow({ now }), { from: now - 30 * 24 * H, to: now + 24 * H });
  assert.deepEqual(entityPageWindow({ now, days: 2 }), { from: now - 48 * H, to: now + 24 * H });
  const at = now - 5 * 24 * H;
  assert.deepEqual(entityPageWindow({ now, at }), { from: at - H, to: at + H + 1, at });
  assert.deepEqual(entityPageWindow({ now, at, before: '2h', after: '30m' }), {
    from: at - 2 * H,
    to: at + H / 2 + 1,
    at,
  });
});

test('mixed or out-of-range windows are refused naming the field', () => {
  assert.equal(
    field(() => entityPageWindow({ now, days: 91 })),
    'days',
  );
  assert.equal(
    field(() => entityPageWindow({ now, before: '1h' })),
    'before',
  );
  assert.equal(
    field(() => entityPageWindow({ now, after: '1h' })),
    'after',
  );
  assert.equal(
    field(() => entityPageWindow({ now, at: now, days: 3 })),
    'days',
  );
  assert.equal(
    field(() => entityPageWindow({ now, at: now, before: '8d' })),
    'before',
  );
});

test('a case overlaps the window when it was active in it', () => {
  const w = { from: 100, to: 200 };
  assert.equal(overlapsWindow({ firstSeenAt: 50, lastSeenAt: 100 }, w), true);
  assert.equal(overlapsWindow({ firstSeenAt: 199, lastSeenAt: 300 }, w), true);
  assert.equal(overlapsWindow({ firstSeenAt: 200, lastSeenAt: 300 }, w), false);
  assert.equal(overlapsWindow({ firstSeenAt: 10, lastSeenAt: 99 }, w), false);
});
