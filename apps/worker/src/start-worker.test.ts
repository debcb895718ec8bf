import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '@vigil/config';
import { startWorker } from './start-worker.ts';

test('the worker refuses to start without PostgreSQL and NATS URLs, naming both', async () => {
  await assert.rejects(startWorker(loadConfig({ env: {} })), (err: Error & { code?: string }) => {
    assert.equal(err.code, 'CONFIG_INVALID');
    assert.match(err.message, /postgres\.url: required \(set VIGIL_PG_URL/);
    assert.match(err.message, /nats\.url: required \(set VIGIL_NATS_URL/);
    return true;
  });
  await assert.rejects(
    startWorker(loadConfig({ env: { VIGIL_PG_URL: 'postgres://u@127.0.0.1:1/x' } })),
    /^(?!.*postgres\.url).*nats\.url: required/s,
  );
});
