import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FetchResult } from './fetch-json.ts';
import { deriveHealth } from './health-view.ts';

const answer = (status: number, body: unknown): FetchResult => ({ kind: 'response', status, body });
const down: FetchResult = { kind: 'unreachable', reason: 'Failed to fetch' };
const live = answer(200, { status: 'ok' });
const version = answer(200, { version: '0.1.0', mode: 'embedded' });

test('a ready server shows every check ok, the version and the mode', () => {
  const view = deriveHealth({
    healthz: live,
    readyz: answer(200, { status: 'ready', checks: { storage: 'ok', bus: 'ok' } }),
    version,
  });
  assert.deepEqual(view, {
    overall: 'ready',
    liveness: 'ok',
    readiness: 'ready',
    checks: [
      { name: 'storage', state: 'ok', detail: '' },
      { name: 'bus', state: 'ok', detail: '' },
    ],
    version: '0.1.0',
    mode: 'embedded',
  });
});

test('a 503 from /readyz is not ready, with the failing check and its detail', () => {
  const view = deriveHealth({
    healthz: live,
    readyz: answer(503, {
      status: 'not_ready',
      checks: {
        storage: 'ok',
        bus: 'error',
        cache: { status: 'error', message: 'disk full' },
        nats: 'timeout',
      },
    }),
    version,
  });
  assert.equal(view.overall, 'not_ready');
  assert.equal(view.readiness, 'not_ready');
  assert.deepEqual(view.checks, [
    { name: 'storage', state: 'ok', detail: '' },
    { name: 'bus', state: 'error', detail: '' },
    { name: 'cache', state: 'error', detail: 'disk full' },
    { name: 'nats', state: 'error', detail: 'timeout' },
  ]);
});

test('no answer at all means unreachable, with nothing claimed about checks or version', () => {
  const view = deriveHealth({ healthz: down, readyz: down, version: down });
  assert.deepEqual(view, {
    overall: 'unreachable',
    liveness: 'unknown',
    readiness: 'unknown',
    checks: [],
    version: null,
    mode: null,
  });
});

test('a failing liveness answer outweighs a ready answer', () => {
  const view = deriveHealth({
    healthz: answer(500, undefined),
    readyz: answer(200, { status: 'ready', checks: {} }),
    version,
  });
  assert.equal(view.liveness, 'error');
  assert.equal(view.overall, 'not_ready');
});

test('answers that are not the documented JSON are reported as unknown, not as ok', () => {
  assert.equal(deriveHealth({ healthz: answer(200, undefined), readyz: down, version }).liveness, 'error');
  const view = deriveHealth({
    healthz: live,
    readyz: answer(404, undefined),
    version: answer(404, { version: '9.9.9' }),
  });
  assert.equal(view.readiness, 'unknown');
  assert.equal(view.overall, 'unknown');
  assert.equal(view.version, null);
});
