import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { EVENTS_STORE_TOPIC, type VigilEvent } from '@vigil/core';
import pg from 'pg';
import { connectNatsBus } from '@vigil/bus-nats';
import { openPostgresStorage } from '@vigil/store-postgres';
import { natsUrl, pgUrl, skipUnless } from '@vigil/testkit';
import { cliEnv, startCli, type RunningCli } from '../../cli/src/testing/spawn-cli.ts';

const pgConnection = pgUrl();
const nats = natsUrl();
const skip = skipUnless(pgConnection, 'VIGIL_PG_URL') || skipUnless(nats, 'VIGIL_NATS_URL');

function smokeEvents(workspace: string, count: number): VigilEvent[] {
  const now = new Date().toISOString();
  return Array.from({ length: count }, (_, i) => ({
    '@timestamp': now,
    message: `smoke event ${i}`,
    event: { kind: 'event', action: 'smoke' },
    vigil: { id: randomUUID(), workspace, data_space: 'default', source: 'smoke-test', received_at: now },
  }));
}

test(
  'distributed mode: serve + worker store events published on NATS into PostgreSQL',
  { skip },
  async () => {
    const suffix = randomUUID().replaceAll('-', '').slice(0, 12);
    const schema = `smoke_${suffix}`;
    const streamPrefix = `SMOKE-${suffix}`;
    const env = cliEnv({
      VIGIL_MODE: 'distributed',
      VIGIL_PG_URL: pgConnection ?? '',
      VIGIL_PG_SCHEMA: schema,
      VIGIL_NATS_URL: nats ?? '',
      VIGIL_NATS_STREAM_PREFIX: streamPrefix,
    });
    const children: RunningCli[] = [];
    const bus = await connectNatsBus({ url: nats ?? '', streamPrefix });
    const storage = await openPostgresStorage({ url: pgConnection ?? '', schema });
    try {
      const server = startCli(['serve', '--port', '0'], env);
      children.push(server);
      const worker = startCli(['worker'], env);
      children.push(worker);
      const line = await server.waitForLine(/^Vigil is running at /);
      const base = /(http:\/\/\S+?)\/?$/.exec(line)?.[1] ?? '';
      await worker.waitForLine(/^Vigil worker is running$/);

      const ready = await fetch(`${base}/readyz`);
      assert.equal(ready.status, 200);
      assert.deepEqual(await ready.json(), { status: 'ready', checks: { storage: 'ok', bus: 'ok' } });
      const version = (await (await fetch(`${base}/api/v1/version`)).json()) as { mode: string };
      assert.equal(version.mode, 'distributed');

      const workspace = `smoke-${suffix}`;
      const batch = smokeEvents(workspace, 5);
      await bus.publish(EVENTS_STORE_TOPIC, batch);

      const range = { workspace, from: Date.now() - 3_600_000, to: Date.now() + 3_600_000 };
      let stored = 0;
      // Poll (not a timed assertion): the worker stores the batch asynchronously; give up after ~60 s.
      for (let i = 0; i < 600 && stored < batch.length; i++) {
        stored = await storage.events.count(range);
        if (stored < batch.length) await sleep(100);
      }
      assert.equal(stored, batch.length);
      const page = await storage.events.query({ ...range, limit: 10, order: 'asc' });
      assert.deepEqual(page.events.map((e) => e.vigil.id).sort(), batch.map((e) => e.vigil.id).sort());

      for (const child of children) child.child.kill('SIGTERM');
      const [serverExit, workerExit] = await Promise.all([server.exited, worker.exited]);
      assert.equal(serverExit.code, 0, serverExit.stderr);
      assert.equal(workerExit.code, 0, workerExit.stderr);
    } finally {
      for (const child of children) if (child.child.exitCode === null) child.child.kill('SIGKILL');
      await bus.close();
      await storage.close();
      // Leave the shared test database as found (the JetStream streams are bounded and prefixed).
      const client = new pg.Client({ connectionString: pgConnection ?? '' });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  },
);
