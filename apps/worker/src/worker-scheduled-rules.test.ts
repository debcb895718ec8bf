import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { silentLogger } from '@vigil/core';
import { loadConfig } from '@vigil/config';
import { alignDown, RecordScheduledRuleStore, type ScheduledRun } from '@vigil/cases';
import { openCasesStores, openIdentityStores } from '@vigil/server';
import { openPostgresStorage } from '@vigil/store-postgres';
import { makeEvent, natsUrl, pgUrl, skipUnless } from '@vigil/testkit';
import { startWorker } from './start-worker.ts';

const pgConnection = pgUrl();
const nats = natsUrl();
const skip = skipUnless(pgConnection, 'VIGIL_PG_URL') || skipUnless(nats, 'VIGIL_NATS_URL');
const MIN = 60_000;

test(
  'vigil worker runs due scheduled rules when scheduledRules.runIn includes it: the alert appears',
  { skip },
  async () => {
    const suffix = randomUUID().replaceAll('-', '').slice(0, 12);
    const schema = `sched_${suffix}`;
    const config = loadConfig({
      env: {
        VIGIL_MODE: 'distributed',
        VIGIL_PG_URL: pgConnection ?? '',
        VIGIL_PG_SCHEMA: schema,
        VIGIL_NATS_URL: nats ?? '',
        VIGIL_NATS_STREAM_PREFIX: `SCHED-${suffix}`,
        VIGIL_SCHEDULED_RULES_RUN_IN: 'worker',
        VIGIL_SCHEDULED_RULES_TICK_SECONDS: '1',
      },
    });
    // The worker migrates the schema; the test then writes through the same adapters serve would use.
    const worker = await startWorker(config, { instanceId: 'worker-under-test' });
    const storage = await openPostgresStorage({ url: pgConnection ?? '', schema });
    const identity = await openIdentityStores(config, silentLogger);
    const cases = await openCasesStores(config, silentLogger);
    try {
      const ws = `ws-${suffix}`;
      await identity.workspaces.create({
        id: ws,
        name: 'Scheduled',
        status: 'active',
        mfaRequired: false,
        createdAt: Date.now(),
      });
      const now = Date.now();
      await storage.events.append(
        ['10.0.0.7', '10.0.0.7', '10.0.0.7'].map((ip, i) =>
          makeEvent({
            workspace: ws,
            id: `e${i}`,
            ts: now - 20 * MIN + i * 1000,
            fields: { event: { outcome: 'failure' }, source: { ip } },
          }),
        ),
      );
      const store = new RecordScheduledRuleStore(storage.metadata);
      await store.createRule(ws, 'brute-force', {
        name: 'Repeated failures',
        description: '',
        query: 'event.outcome:failure',
        dataSpaces: [],
        intervalSeconds: 60,
        lookbackSeconds: 3600,
        delaySeconds: 0,
        trigger: { kind: 'count', fn: 'count', operator: 'gte', threshold: 3, groupBy: ['source.ip'] },
        severity: 'high',
        grouping: 'per-group',
        suppressionSeconds: 0,
        enabled: true,
        simulation: false,
        tags: [],
      });
      // Coverage two intervals back: those are due now, so the worker's first ticks run them.
      await store.resetState(ws, 'brute-force', {
        coveredUntil: alignDown(now, MIN) - 2 * MIN,
        suppression: {},
        gaps: 0,
      });

      let done: ScheduledRun | undefined;
      // Poll (not a timed assertion): the worker ticks every second; give up after ~60 s.
      for (let i = 0; i < 300 && done === undefined; i++) {
        const runs = await store.listRuns(ws, 'brute-force', { from: 0, limit: 10 });
        done = runs.find((r) => r.status === 'ok' && r.alertIds.length > 0);
        if (done === undefined) await sleep(200);
      }
      assert.ok(done, 'a run of the worker raised an alert');
      assert.equal(done.claimedBy, 'worker-under-test');
      assert.equal(done.hits, 3);
      const alert = await cases.alerts.get(ws, done.alertIds[0] ?? '');
      assert.ok(alert, 'the alert is stored');
      assert.equal(alert.source, 'scheduled');
      assert.equal(alert.rule.id, 'brute-force');
      assert.equal(alert.severity, 'high');
    } finally {
      await worker.close();
      await cases.close();
      await identity.close();
      await storage.close();
      const client = new pg.Client({ connectionString: pgConnection ?? '' });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  },
);
