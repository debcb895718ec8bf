import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ManualClock, silentLogger, type Storage } from '@vigil/core';
import {
  RecordScheduledRuleStore,
  type LedgerCutoff,
  type ScheduledRule,
  type ScheduledRuleStore,
  type ScheduledRun,
} from '@vigil/cases';
import { openSqliteStorage } from '@vigil/store-sqlite';
import { uniqueWorkspace } from '@vigil/testkit';
import { runLedgerRetention, startLedgerRetentionJob } from './ledger-retention-job.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 6, 1, 12);

const rule: ScheduledRule = {
  name: 'Failed logons',
  description: '',
  query: 'event.outcome:failure',
  dataSpaces: [],
  intervalSeconds: 3600,
  lookbackSeconds: 3600,
  delaySeconds: 0,
  trigger: { kind: 'count', fn: 'count', operator: 'gte', threshold: 1, groupBy: [] },
  severity: 'high',
  grouping: 'per-run',
  suppressionSeconds: 0,
  enabled: true,
  simulation: false,
  tags: [],
};

function entry(ruleId: string, daysAgo: number, status: ScheduledRun['status'] = 'ok'): ScheduledRun {
  const end = NOW - daysAgo * DAY;
  return {
    ruleId,
    ruleVersion: 1,
    start: end - 3_600_000,
    end,
    queryFrom: end - 3_600_000,
    queryTo: end,
    status,
    late: false,
    simulated: false,
    attempts: 1,
    claimedAt: end,
    claimedBy: 'runner-a',
    hits: 0,
    truncated: false,
    groups: 0,
    firings: [],
    suppressed: 0,
    alertIds: [],
  };
}

describe('scheduled rule history retention', () => {
  let dir: string;
  let storage: Storage;
  let store: RecordScheduledRuleStore;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-ledger-retention-'));
    storage = await openSqliteStorage({ dataDir: dir });
    await storage.migrate();
    store = new RecordScheduledRuleStore(storage.metadata);
  });
  after(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const days = async (ws: string, id: string) =>
    (await store.listRuns(ws, id, { from: 0, limit: 1000 })).map((r) => [
      Math.round((NOW - r.end) / DAY),
      r.status,
    ]);

  const deps = (workspaces: string[], over: { store?: ScheduledRuleStore } = {}) => ({
    store,
    workspaces: () => Promise.resolve(workspaces),
    clock: new ManualClock(NOW),
    logger: silentLogger,
    retentionDays: 30,
    gapRetentionDays: 90,
    ...over,
  });

  test('old runs go, gaps and failures stay longer, a deleted rule loses its whole history', async () => {
    const ws = uniqueWorkspace();
    const other = uniqueWorkspace();
    await store.createRule(ws, 'kept', rule);
    for (const [d, status] of [
      [120, 'gap'],
      [45, 'ok'],
      [40, 'gap'],
      [35, 'failed'],
      [31, 'running'],
      [29, 'ok'],
      [1, 'ok'],
    ] as const) {
      await store.claimRun(ws, entry('kept', d, status));
    }
    await store.createRule(ws, 'gone', rule);
    for (const d of [2, 1, 0]) await store.claimRun(ws, entry('gone', d));
    assert.equal(await store.deleteRule(ws, 'gone'), true);
    await store.createRule(other, 'kept', rule);
    await store.claimRun(other, entry('kept', 45));

    const report = await runLedgerRetention(deps([ws]));
    assert.deepEqual(report, { rules: 2, removed: 6, deletedRules: 1, failed: 0 });
    assert.deepEqual(await days(ws, 'kept'), [
      [40, 'gap'],
      [35, 'failed'],
      [29, 'ok'],
      [1, 'ok'],
    ]);
    assert.deepEqual(await days(ws, 'gone'), []);
    assert.deepEqual(await days(other, 'kept'), [[45, 'ok']], 'a workspace not listed is not touched');
    assert.deepEqual(await runLedgerRetention(deps([ws])), {
      rules: 1,
      removed: 0,
      deletedRules: 0,
      failed: 0,
    });
  });

  test('a rule whose history cannot be pruned is counted; the others are still pruned', async () => {
    const ws = uniqueWorkspace();
    for (const id of ['a', 'b']) {
      await store.createRule(ws, id, rule);
      await store.claimRun(ws, entry(id, 60));
    }
    class FailingStore extends RecordScheduledRuleStore {
      override deleteRuns(w: string, id: string, cutoff: LedgerCutoff | undefined): Promise<number> {
        return id === 'a' ? Promise.reject(new Error('disk full')) : super.deleteRuns(w, id, cutoff);
      }
    }
    const failing = new FailingStore(storage.metadata);
    const report = await runLedgerRetention(deps([ws], { store: failing }));
    assert.deepEqual(report, { rules: 2, removed: 1, deletedRules: 0, failed: 1 });
    assert.equal((await days(ws, 'a')).length, 1);
    assert.deepEqual(await days(ws, 'b'), []);
  });

  test('the job runs a pass at start and stops cleanly', async () => {
    const ws = uniqueWorkspace();
    await store.claimRun(ws, entry('orphan', 3));
    const job = startLedgerRetentionJob(deps([ws]), 3_600_000);
    // Poll (not a timed assertion): the first pass runs asynchronously right after start.
    for (let i = 0; i < 200 && (await days(ws, 'orphan')).length > 0; i++) await sleep(10);
    await job.stop();
    assert.deepEqual(await days(ws, 'orphan'), []);
  });
});
