import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ScheduledRule, ScheduledRuleStore, ScheduledRun } from '@vigil/cases';
import { rejectsWith, uniqueWorkspace } from '../contract-fixtures.ts';

/** A scheduled-rule store over one empty, migrated database. */
export interface ScheduledRuleStoreHandle {
  store: ScheduledRuleStore;
  close(): Promise<void>;
}

const S0 = Date.UTC(2026, 6, 1);
const MIN = 60_000;

function rule(over: Partial<ScheduledRule> = {}): ScheduledRule {
  return {
    name: 'Failed logons',
    description: 'many failures from one address',
    query: 'event.outcome:failure',
    dataSpaces: [],
    intervalSeconds: 300,
    lookbackSeconds: 600,
    delaySeconds: 60,
    trigger: { kind: 'count', fn: 'count', operator: 'gte', threshold: 10, groupBy: ['source.ip'] },
    severity: 'high',
    grouping: 'per-group',
    suppressionSeconds: 3600,
    enabled: true,
    simulation: false,
    tags: ['attack.t1110'],
    ...over,
  };
}

function run(ruleId: string, start: number, over: Partial<ScheduledRun> = {}): ScheduledRun {
  return {
    ruleId,
    ruleVersion: 1,
    start,
    end: start + 5 * MIN,
    queryFrom: start - 5 * MIN,
    queryTo: start + 5 * MIN,
    status: 'running',
    late: false,
    simulated: false,
    attempts: 1,
    claimedAt: S0,
    claimedBy: 'runner-a',
    hits: 0,
    truncated: false,
    groups: 0,
    firings: [],
    suppressed: 0,
    alertIds: [],
    ...over,
  };
}

/** The contract every scheduled-rule store passes (definitions, state, run ledger and its claim). */
export function scheduledRuleStoreContract(
  name: string,
  open: () => Promise<ScheduledRuleStoreHandle>,
): void {
  describe(`${name}: scheduled rule store contract`, () => {
    let handle: ScheduledRuleStoreHandle | undefined;
    before(async () => {
      handle = await open();
    });
    after(async () => {
      await handle?.close();
    });
    const store = (): ScheduledRuleStore => {
      if (!handle) throw new Error('store not open');
      return handle.store;
    };

    test('definitions are versioned, workspace-scoped, and refuse a stale version', async () => {
      const ws = uniqueWorkspace();
      const other = uniqueWorkspace();
      const created = await store().createRule(ws, 'r1', rule());
      assert.equal(created.version, 1);
      assert.deepEqual(created.data, rule());
      await rejectsWith(store().createRule(ws, 'r1', rule()), 'RECORD_EXISTS', 'user');
      const updated = await store().updateRule(ws, 'r1', 1, rule({ name: 'Renamed', enabled: false }));
      assert.equal(updated.version, 2);
      assert.equal((await store().getRule(ws, 'r1'))?.data.name, 'Renamed');
      await rejectsWith(store().updateRule(ws, 'r1', 1, rule()), 'VERSION_CONFLICT', 'user');
      assert.equal(await store().getRule(other, 'r1'), undefined);
      assert.deepEqual(await store().listRules(other), []);
      assert.deepEqual(
        (await store().listRules(ws)).map((r) => r.id),
        ['r1'],
      );
      await store().initState(ws, 'r1', { coveredUntil: S0, suppression: {}, gaps: 0 });
      assert.equal(await store().deleteRule(ws, 'r1'), true);
      assert.equal(await store().getRule(ws, 'r1'), undefined);
      assert.equal(await store().getState(ws, 'r1'), undefined, 'the scheduler state goes with the rule');
      assert.equal(await store().deleteRule(ws, 'r1'), false);
    });

    test('an interval is claimed exactly once, even by concurrent claimants', async () => {
      const ws = uniqueWorkspace();
      const claims = await Promise.all(
        ['a', 'b', 'c', 'd', 'e'].map((by) => store().claimRun(ws, run('r1', S0, { claimedBy: by }))),
      );
      const won = claims.filter((c) => c !== undefined);
      assert.equal(won.length, 1);
      const stored = await store().getRun(ws, 'r1', S0);
      assert.equal(stored?.data.claimedBy, won[0]?.data.claimedBy);
      assert.equal(await store().claimRun(ws, run('r1', S0)), undefined);
      // Another workspace has its own ledger.
      assert.notEqual(await store().claimRun(uniqueWorkspace(), run('r1', S0)), undefined);
    });

    test('a claimed run is finished with optimistic versioning, so a take-over race has one winner', async () => {
      const ws = uniqueWorkspace();
      const claimed = await store().claimRun(ws, run('r1', S0));
      assert.ok(claimed);
      const done = await store().updateRun(ws, claimed.version, {
        ...claimed.data,
        status: 'ok',
        hits: 12,
        firings: [
          {
            group: { 'source.ip': '10.0.0.1' },
            count: 12,
            value: 12,
            firstSeenAt: S0,
            lastSeenAt: S0 + 1,
            eventIds: ['e1'],
            suppressed: false,
          },
        ],
        alertIds: ['a1'],
        finishedAt: S0 + 2,
      });
      assert.equal(done.version, claimed.version + 1);
      await rejectsWith(
        store().updateRun(ws, claimed.version, { ...claimed.data, status: 'failed' }),
        'VERSION_CONFLICT',
        'user',
      );
      const read = await store().getRun(ws, 'r1', S0);
      assert.equal(read?.data.status, 'ok');
      assert.deepEqual(read?.data.alertIds, ['a1']);
      assert.equal(read?.data.firings[0]?.group['source.ip'], '10.0.0.1');
    });

    test('the ledger lists one rule, oldest first, from a time, with a limit', async () => {
      const ws = uniqueWorkspace();
      for (let i = 0; i < 5; i++) await store().claimRun(ws, run('r1', S0 + i * 5 * MIN));
      await store().claimRun(ws, run('r1', S0 - 60 * MIN, { status: 'gap', end: S0 }));
      // A rule whose id extends the first one's must not leak into its history.
      await store().claimRun(ws, run('r10', S0));
      const all = await store().listRuns(ws, 'r1', { from: 0, limit: 100 });
      assert.deepEqual(
        all.map((r) => (r.start - S0) / MIN),
        [-60, 0, 5, 10, 15, 20],
      );
      assert.equal(all[0]?.status, 'gap');
      const page = await store().listRuns(ws, 'r1', { from: S0 + 5 * MIN, limit: 2 });
      assert.deepEqual(
        page.map((r) => (r.start - S0) / MIN),
        [5, 10],
      );
      assert.deepEqual((await store().listRuns(ws, 'r10', { from: 0, limit: 10 })).length, 1);
    });

    test('retention removes old runs, keeps gaps and failures longer, and scopes to one rule', async () => {
      const ws = uniqueWorkspace();
      const DAY = 24 * 60 * MIN;
      // Five-minute runs of r1 over 40 days back from S0, one gap and one finally failed run among them.
      const starts = [-40, -35, -31, -29, -1].map((d) => S0 + d * DAY);
      for (const start of starts) await store().claimRun(ws, run('r1', start, { status: 'ok' }));
      await store().claimRun(ws, run('r1', S0 - 38 * DAY, { status: 'gap' }));
      await store().claimRun(ws, run('r1', S0 - 33 * DAY, { status: 'failed', attempts: 3 }));
      await store().claimRun(ws, run('r1', S0 - 100 * DAY, { status: 'gap' }));
      await store().claimRun(ws, run('r10', S0 - 40 * DAY, { status: 'ok' }));
      const other = uniqueWorkspace();
      await store().claimRun(other, run('r1', S0 - 40 * DAY, { status: 'ok' }));

      const cutoff = { before: S0 - 30 * DAY, gapsBefore: S0 - 90 * DAY };
      assert.equal(await store().deleteRuns(ws, 'r1', cutoff), 4);
      const left = await store().listRuns(ws, 'r1', { from: 0, limit: 100 });
      assert.deepEqual(
        left.map((r) => [Math.round((r.start - S0) / DAY), r.status]),
        [
          [-38, 'gap'],
          [-33, 'failed'],
          [-29, 'ok'],
          [-1, 'ok'],
        ],
      );
      assert.equal((await store().listRuns(ws, 'r10', { from: 0, limit: 10 })).length, 1);
      assert.equal((await store().listRuns(other, 'r1', { from: 0, limit: 10 })).length, 1);
      assert.equal(await store().deleteRuns(ws, 'r1', cutoff), 0, 'a second pass finds nothing');

      // A deleted rule's ledger: everything goes.
      assert.equal(await store().deleteRuns(ws, 'r1', undefined), 4);
      assert.deepEqual(await store().listRuns(ws, 'r1', { from: 0, limit: 10 }), []);
      assert.equal((await store().listRuns(ws, 'r10', { from: 0, limit: 10 })).length, 1);
    });

    test('the ledger names its rules, deleted ones included, page by page', async () => {
      const ws = uniqueWorkspace();
      assert.deepEqual(await store().listLedgerRuleIds(ws, { limit: 10 }), []);
      for (const id of ['r2', 'r1', 'r10', 'a-rule']) {
        for (let i = 0; i < 3; i++) await store().claimRun(ws, run(id, S0 + i * 5 * MIN));
      }
      await store().createRule(ws, 'r1', rule());
      assert.equal(await store().deleteRule(ws, 'r1'), true);
      assert.deepEqual(await store().listLedgerRuleIds(ws, { limit: 10 }), ['a-rule', 'r1', 'r10', 'r2']);
      assert.deepEqual(await store().listLedgerRuleIds(ws, { limit: 2 }), ['a-rule', 'r1']);
      assert.deepEqual(await store().listLedgerRuleIds(ws, { after: 'r1', limit: 10 }), ['r10', 'r2']);
      assert.deepEqual(await store().listLedgerRuleIds(uniqueWorkspace(), { limit: 10 }), []);
    });

    test('scheduler state: first creator wins, saves are optimistic, reset replaces', async () => {
      const ws = uniqueWorkspace();
      const a = await store().initState(ws, 'r1', { coveredUntil: S0, suppression: {}, gaps: 0 });
      const b = await store().initState(ws, 'r1', { coveredUntil: S0 + MIN, suppression: {}, gaps: 0 });
      assert.equal(b.data.coveredUntil, S0, 'the second init gets the existing state');
      const saved = await store().saveState(ws, 'r1', a.version, {
        ...a.data,
        coveredUntil: S0 + 5 * MIN,
        suppression: { '["10.0.0.1"]': { until: S0 + 60 * MIN, suppressed: 2 } },
      });
      await rejectsWith(store().saveState(ws, 'r1', a.version, a.data), 'VERSION_CONFLICT', 'user');
      assert.equal((await store().getState(ws, 'r1'))?.data.suppression['["10.0.0.1"]']?.suppressed, 2);
      await store().resetState(ws, 'r1', { coveredUntil: S0 + 90 * MIN, suppression: {}, gaps: 0 });
      const reset = await store().getState(ws, 'r1');
      assert.equal(reset?.data.coveredUntil, S0 + 90 * MIN);
      assert.ok((reset?.version ?? 0) > saved.version);
    });
  });
}
