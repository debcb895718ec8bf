import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ManualClock, silentLogger, type Storage } from '@vigil/core';
import {
  RecordScheduledRuleStore,
  type Detection,
  type ScheduledRule,
  type ScheduledRun,
} from '@vigil/cases';
import { openSqliteStorage } from '@vigil/store-sqlite';
import { makeEvent, uniqueWorkspace } from '@vigil/testkit';
import { createScheduledRuleRunner, type ScheduledRunnerOptions } from './scheduled-rule-runner.ts';
import { scheduledAlertIntake } from './scheduled-alert-intake.ts';
import { createCasesRuntime, memoryCasesStores } from '../alerts/cases-runtime.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 4, 1, 10, 0, 0);

function rule(over: Partial<ScheduledRule> = {}): ScheduledRule {
  return {
    name: 'Failed logons',
    description: '',
    query: 'event.outcome:failure',
    dataSpaces: [],
    intervalSeconds: 60,
    lookbackSeconds: 60,
    delaySeconds: 120,
    trigger: { kind: 'count', fn: 'count', operator: 'gte', threshold: 1, groupBy: ['source.ip'] },
    severity: 'high',
    grouping: 'per-group',
    suppressionSeconds: 0,
    enabled: true,
    simulation: false,
    tags: [],
    ...over,
  };
}

describe('scheduled rule runner', () => {
  let dir: string;
  let storage: Storage;
  let store: RecordScheduledRuleStore;
  let seq = 0;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-scheduled-runner-'));
    storage = await openSqliteStorage({ dataDir: dir });
    await storage.migrate();
    store = new RecordScheduledRuleStore(storage.metadata);
  });
  after(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const failure = (ws: string, ts: number, ip: string) =>
    makeEvent({
      workspace: ws,
      id: `e${++seq}`,
      ts,
      fields: { event: { outcome: 'failure' }, source: { ip } },
    });

  function setup(clock: ManualClock, over: Partial<ScheduledRunnerOptions> = {}, raised: Detection[] = []) {
    const ws = uniqueWorkspace();
    const runner = createScheduledRuleRunner({
      store,
      search: storage.search,
      intake: (detections) => {
        raised.push(...detections);
        return Promise.resolve(detections.map((_, i) => `a${raised.length + i}`));
      },
      workspaces: () => Promise.resolve([ws]),
      clock,
      logger: silentLogger,
      ...over,
    });
    return { ws, raised, runner };
  }

  const ledger = async (ws: string, id: string): Promise<ScheduledRun[]> =>
    store.listRuns(ws, id, { from: 0, limit: 1000 });

  /** Every ledger entry starts where the previous one ended: event time tiled with no hole or overlap. */
  function assertTiled(runs: readonly ScheduledRun[]): void {
    for (let i = 1; i < runs.length; i++) {
      assert.equal(runs[i]?.start, runs[i - 1]?.end, `hole or overlap before entry ${i}`);
    }
  }

  test('late events within the delay are counted exactly once, across restarts', async () => {
    const clock = new ManualClock(T0);
    const { ws, raised, runner } = setup(clock);
    await store.createRule(ws, 'r1', rule());
    // Every 20 s of wall time, an event stamped 90 s earlier arrives (late, but within the 2-minute delay).
    let sent = 0;
    let current = runner;
    for (let step = 1; step <= 60; step++) {
      clock.advance(20_000);
      const ts = clock.now() - 90_000;
      if (ts >= T0 - 2 * MIN) {
        await storage.events.append([failure(ws, ts, `10.0.0.${step % 3}`)]);
        sent += 1;
      }
      // A restart every 15 steps: a new runner with only the stored state.
      if (step % 15 === 0) current = setup(clock, { workspaces: () => Promise.resolve([ws]) }, raised).runner;
      await current.runOnce();
    }
    const runs = await ledger(ws, 'r1');
    assert.ok(runs.length >= 15);
    assert.ok(runs.every((r) => r.status === 'ok' && r.end <= clock.now() - 2 * MIN));
    assertTiled(runs);
    const covered = runs.at(-1)?.end ?? 0;
    const first = runs[0]?.start ?? 0;
    const inCoverage = await storage.events.count({ workspace: ws, from: first, to: covered });
    assert.equal(
      runs.reduce((n, r) => n + r.hits, 0),
      inCoverage,
      'every event of the covered time was seen by exactly one run',
    );
    assert.ok(inCoverage > 20 && inCoverage <= sent);
    // One alert per firing group per run (threshold 1): the restarts neither lost nor repeated runs.
    assert.equal(
      raised.length,
      runs.reduce((n, r) => n + r.firings.length, 0),
    );
  });

  test('two runners ticking together run each interval once', async () => {
    const clock = new ManualClock(T0);
    const a = setup(clock);
    const ws = a.ws;
    const b = setup(clock, { workspaces: () => Promise.resolve([ws]) });
    await store.createRule(ws, 'r2', rule({ delaySeconds: 0 }));
    await a.runner.runOnce();
    for (let m = 0; m < 10; m++) {
      await storage.events.append([failure(ws, clock.now() + 1000, '10.9.9.9')]);
      clock.advance(MIN);
      await Promise.all([a.runner.runOnce(), b.runner.runOnce()]);
    }
    const runs = await ledger(ws, 'r2');
    assert.equal(runs.length, 10);
    assertTiled(runs);
    assert.equal(a.raised.length + b.raised.length, 10, 'one alert per interval, not one per runner');
  });

  test('downtime beyond the catch-up bound is recorded as a gap; shorter downtime is caught up late', async () => {
    const clock = new ManualClock(T0);
    const { ws, runner } = setup(clock, { maxCatchUp: 5 });
    await store.createRule(ws, 'r3', rule({ delaySeconds: 0 }));
    await runner.runOnce();
    clock.advance(3 * MIN + 1000);
    await runner.runOnce();
    let runs = await ledger(ws, 'r3');
    assert.deepEqual(
      runs.map((r) => [r.status, r.late]),
      [
        ['ok', true],
        ['ok', true],
        ['ok', false],
      ],
    );
    clock.advance(30 * MIN);
    const tick = await runner.runOnce();
    assert.equal(tick.gaps, 1);
    runs = await ledger(ws, 'r3');
    assertTiled(runs);
    const gaps = runs.filter((r) => r.status === 'gap');
    assert.equal(gaps.length, 1);
    assert.equal((gaps[0]?.end ?? 0) - (gaps[0]?.start ?? 0), 25 * MIN);
    assert.match(gaps[0]?.error ?? '', /25 missed intervals/);
    assert.equal(runs.filter((r) => r.status === 'ok').length, 3 + 5);
    const state = await store.getState(ws, 'r3');
    assert.equal(state?.data.gaps, 1);
  });

  test('a failing interval is retried, then reported as failed and skipped; later intervals go on', async () => {
    const clock = new ManualClock(T0);
    let failing = true;
    const search = storage.search;
    assert.ok(search);
    const { ws, runner } = setup(clock, {
      maxAttempts: 2,
      search: {
        search: (r) => search.search(r),
        stream: (r) => {
          if (failing) throw new Error('connection reset');
          return search.stream(r);
        },
      },
    });
    await store.createRule(ws, 'r4', rule({ delaySeconds: 0 }));
    await runner.runOnce();
    clock.advance(MIN);
    await runner.runOnce();
    let runs = await ledger(ws, 'r4');
    assert.deepEqual(
      runs.map((r) => [r.status, r.attempts]),
      [['failed', 1]],
    );
    assert.equal((await store.getState(ws, 'r4'))?.data.gaps, 0, 'not yet given up');
    await runner.runOnce();
    runs = await ledger(ws, 'r4');
    assert.deepEqual(
      runs.map((r) => [r.status, r.attempts]),
      [['failed', 2]],
    );
    assert.match(
      runs[0]?.error ?? '',
      /see the server log/,
      'unexpected errors are not echoed into the ledger',
    );
    const state = await store.getState(ws, 'r4');
    assert.equal(state?.data.gaps, 1);
    assert.equal(state?.data.coveredUntil, runs[0]?.end);
    failing = false;
    clock.advance(MIN);
    await runner.runOnce();
    runs = await ledger(ws, 'r4');
    assert.deepEqual(
      runs.map((r) => r.status),
      ['failed', 'ok'],
    );
  });

  test('simulation mode records what it would have alerted and raises nothing', async () => {
    const clock = new ManualClock(T0);
    const { ws, raised, runner } = setup(clock);
    await store.createRule(ws, 'r5', rule({ delaySeconds: 0, simulation: true }));
    await runner.runOnce();
    await storage.events.append([
      failure(ws, clock.now() + 5000, '10.1.1.1'),
      failure(ws, clock.now() + 6000, '10.1.1.2'),
    ]);
    clock.advance(MIN);
    await runner.runOnce();
    const [run] = await ledger(ws, 'r5');
    assert.equal(run?.simulated, true);
    assert.equal(run?.hits, 2);
    assert.deepEqual(run?.firings.map((f) => f.group['source.ip']).sort(), ['10.1.1.1', '10.1.1.2']);
    assert.deepEqual(run?.alertIds, []);
    assert.equal(raised.length, 0);
  });

  test('disabled rules do not run', async () => {
    const clock = new ManualClock(T0);
    const { ws, runner } = setup(clock);
    await store.createRule(ws, 'r6', rule({ delaySeconds: 0, enabled: false }));
    clock.advance(10 * MIN);
    const tick = await runner.runOnce();
    assert.equal(tick.rules, 0);
    assert.deepEqual(await ledger(ws, 'r6'), []);
  });

  test('alerts go through the alert intake: rule, severity, group, entities, first/last seen, one per group', async () => {
    const clock = new ManualClock(T0);
    const cases = createCasesRuntime(memoryCasesStores(), { clock });
    const { ws, runner } = setup(clock, {
      intake: scheduledAlertIntake(cases),
    });
    await store.createRule(ws, 'r7', rule({ delaySeconds: 0, severity: 'critical', tags: ['attack.t1110'] }));
    await runner.runOnce();
    const host = { host: { name: 'web01' }, user: { name: 'root' } };
    const at = clock.now();
    await storage.events.append([
      makeEvent({
        workspace: ws,
        id: 'x1',
        ts: at + 1000,
        fields: { event: { outcome: 'failure' }, source: { ip: '10.7.0.1' }, ...host },
      }),
      makeEvent({
        workspace: ws,
        id: 'x2',
        ts: at + 9000,
        fields: { event: { outcome: 'failure' }, source: { ip: '10.7.0.1' }, ...host },
      }),
      makeEvent({
        workspace: ws,
        id: 'x3',
        ts: at + 5000,
        fields: { event: { outcome: 'failure' }, source: { ip: '10.7.0.2' }, ...host },
      }),
    ]);
    clock.advance(MIN);
    await runner.runOnce();
    const [run] = await ledger(ws, 'r7');
    assert.equal(run?.alertIds.length, 2);
    const alerts = await cases.alerts.getMany(ws, run?.alertIds ?? []);
    assert.equal(alerts.length, 2, 'one alert per group, even when the groups share host and user');
    const first = alerts.find((a) => a.eventIds.includes('x1'));
    assert.ok(first);
    assert.equal(first.source, 'scheduled');
    assert.equal(first.severity, 'critical');
    assert.deepEqual(first.rule, { id: 'r7', version: 1 });
    assert.deepEqual([...first.eventIds].sort(), ['x1', 'x2']);
    assert.equal(first.firstSeenAt, at + 1000);
    assert.equal(first.lastSeenAt, at + 9000);
    assert.ok(first.entityKeys.includes('ip:10.7.0.1'), first.entityKeys.join(', '));
    assert.ok(first.techniques.includes('T1110'));
    assert.match(first.description ?? '', /source\.ip=10\.7\.0\.1/);
    // The next interval fires for 10.7.0.1 again: folded into its open alert (dedup), not a new one.
    await storage.events.append([
      makeEvent({
        workspace: ws,
        id: 'x4',
        ts: at + MIN + 1000,
        fields: { event: { outcome: 'failure' }, source: { ip: '10.7.0.1' }, ...host },
      }),
    ]);
    clock.advance(MIN);
    await runner.runOnce();
    const second = (await ledger(ws, 'r7'))[1];
    assert.deepEqual(second?.alertIds, [first.id]);
    assert.equal((await cases.alerts.get(ws, first.id))?.count, 2);
  });
});
