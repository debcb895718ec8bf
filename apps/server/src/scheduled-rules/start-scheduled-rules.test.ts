import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ManualClock, silentLogger, type Storage } from '@vigil/core';
import { loadConfig } from '@vigil/config';
import { alignDown, RecordScheduledRuleStore, type ScheduledRun } from '@vigil/cases';
import { openSqliteStorage } from '@vigil/store-sqlite';
import { makeEvent, uniqueWorkspace } from '@vigil/testkit';
import { createCasesRuntime, memoryCasesStores } from '../alerts/cases-runtime.ts';
import { startScheduledRules } from './start-scheduled-rules.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 6, 1, 12);

describe('scheduled rules in a composition root', () => {
  let dir: string;
  let storage: Storage;
  let store: RecordScheduledRuleStore;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-start-scheduled-'));
    storage = await openSqliteStorage({ dataDir: dir });
    await storage.migrate();
    store = new RecordScheduledRuleStore(storage.metadata);
  });
  after(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = (env: Record<string, string>, process: 'serve' | 'worker', ws: string) => {
    const cases = createCasesRuntime(memoryCasesStores(), { clock: new ManualClock(T0) });
    const running = startScheduledRules({
      config: loadConfig({ env }),
      process,
      metadata: storage.metadata,
      search: storage.search,
      cases,
      workspaces: () => Promise.resolve([ws]),
      clock: new ManualClock(T0),
      logger: silentLogger,
    });
    return { running, cases };
  };

  test('the runner starts only where runIn says; its tuning comes from the configuration', async () => {
    const ws = uniqueWorkspace();
    const distributed = { VIGIL_MODE: 'distributed', VIGIL_SCHEDULED_RULES_RUN_IN: 'worker' };
    const serve = start(distributed, 'serve', ws);
    assert.equal(serve.running.runner, undefined, 'serve leaves the rules to the worker');
    await serve.running.stop();

    await storage.events.append([
      makeEvent({ workspace: ws, id: 'e1', ts: T0 - 90 * MIN, fields: { event: { outcome: 'failure' } } }),
    ]);
    await store.createRule(ws, 'r1', {
      name: 'Any failure',
      description: '',
      query: 'event.outcome:failure',
      dataSpaces: [],
      intervalSeconds: 60,
      lookbackSeconds: 60,
      delaySeconds: 0,
      trigger: { kind: 'count', fn: 'count', operator: 'gte', threshold: 1, groupBy: [] },
      severity: 'low',
      grouping: 'per-run',
      suppressionSeconds: 0,
      enabled: true,
      simulation: false,
      tags: [],
    });
    // Two hours behind: with a catch-up bound of 10, the oldest 110 intervals become one gap.
    await store.resetState(ws, 'r1', {
      coveredUntil: alignDown(T0, MIN) - 120 * MIN,
      suppression: {},
      gaps: 0,
    });
    const worker = start({ ...distributed, VIGIL_SCHEDULED_RULES_MAX_CATCH_UP: '10' }, 'worker', ws);
    assert.ok(worker.running.runner);
    const tick = await worker.running.runner.runOnce();
    await worker.running.stop();
    assert.equal(tick.gaps, 1);
    assert.equal(tick.runs, 10);
    const runs: ScheduledRun[] = await store.listRuns(ws, 'r1', { from: 0, limit: 100 });
    assert.equal(runs[0]?.status, 'gap');
    assert.match(runs[0]?.error ?? '', /110 missed intervals beyond the catch-up bound of 10/);
  });

  test('serve prunes the history of deleted rules; a worker does not run that job', async () => {
    const ws = uniqueWorkspace();
    const entry = (start: number): ScheduledRun => ({
      ruleId: 'deleted',
      ruleVersion: 1,
      start,
      end: start + MIN,
      queryFrom: start,
      queryTo: start + MIN,
      status: 'ok',
      late: false,
      simulated: false,
      attempts: 1,
      claimedAt: start,
      claimedBy: 'x',
      hits: 0,
      truncated: false,
      groups: 0,
      firings: [],
      suppressed: 0,
      alertIds: [],
    });
    await store.claimRun(ws, entry(T0 - 2 * MIN));
    await store.claimRun(ws, entry(T0 - MIN));
    const env = { VIGIL_SCHEDULED_RULES_RUN_IN: 'none' };
    const worker = start(env, 'worker', ws);
    await sleep(50);
    await worker.running.stop();
    assert.equal((await store.listRuns(ws, 'deleted', { from: 0, limit: 10 })).length, 2);
    const serve = start(env, 'serve', ws);
    assert.equal(serve.running.runner, undefined, 'none: no runner, the history retention still runs');
    // Poll (not a timed assertion): the first retention pass runs right after start.
    for (let i = 0; i < 200; i++) {
      if ((await store.listRuns(ws, 'deleted', { from: 0, limit: 10 })).length === 0) break;
      await sleep(10);
    }
    await serve.running.stop();
    assert.deepEqual(await store.listRuns(ws, 'deleted', { from: 0, limit: 10 }), []);
  });
});
