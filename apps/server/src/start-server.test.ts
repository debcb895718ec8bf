import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { EVENTS_STORE_TOPIC, silentLogger, type VigilEvent } from '@vigil/core';
import { loadConfig } from '@vigil/config';
import { openSqliteStorage } from '@vigil/store-sqlite';
import { startServer } from './start-server.ts';
import { createLogger } from './logging/create-logger.ts';

const quiet = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

function events(count: number): VigilEvent[] {
  const now = new Date().toISOString();
  return Array.from({ length: count }, (_, i) => ({
    '@timestamp': now,
    message: `event ${i}`,
    vigil: { id: `e-${i}`, workspace: 'default', data_space: 'default', received_at: now },
  }));
}

test('embedded mode: events published in-process are stored, and shutdown drains the queue first', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-embedded-'));
  const config = loadConfig({ env: { VIGIL_DATA_DIR: dataDir, VIGIL_PORT: '0' } });
  const server = await startServer(config, { logger: quiet });
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const ready = await fetch(`${server.url}/readyz`);
  assert.equal(ready.status, 200);
  // Publish and close at once: close must wait until every accepted batch is durable.
  for (let i = 0; i < 5; i++)
    await server.bus.publish(
      EVENTS_STORE_TOPIC,
      events(20).map((e) => ({ ...e, vigil: { ...e.vigil, id: `b${i}-${e.vigil.id}` } })),
    );
  await server.close();
  await server.close(); // idempotent

  const storage = await openSqliteStorage({ dataDir, logger: silentLogger });
  try {
    const count = await storage.events.count({ workspace: 'default', from: 0, to: Date.now() + 86_400_000 });
    assert.equal(count, 100);
  } finally {
    await storage.close();
  }
});

test('a failure after opening storage closes it again and reports where', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-embedded-'));
  const first = await startServer(loadConfig({ env: { VIGIL_DATA_DIR: dataDir, VIGIL_PORT: '0' } }), {
    logger: quiet,
  });
  const port = new URL(first.url).port;
  try {
    await assert.rejects(
      startServer(
        loadConfig({
          env: { VIGIL_DATA_DIR: mkdtempSync(join(tmpdir(), 'vigil-embedded-')), VIGIL_PORT: port },
        }),
        {
          logger: quiet,
        },
      ),
      (err: Error & { code?: string }) =>
        err.code === 'LISTEN_FAILED' &&
        err.message ===
          `cannot listen (127.0.0.1:${port}): address already in use (another process listens there; pick another --port)`,
    );
  } finally {
    await first.close();
  }
});
