import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createInProcessBus, ManualClock, sequentialIds, silentLogger, type VigilEvent } from '@vigil/core';
import { openSqliteCasesStores, openSqliteStorage } from '@vigil/store-sqlite';
import { drainTopic } from '../compose/drain-topic.ts';
import { createCasesRuntime } from './cases-runtime.ts';
import { ALERT_AGGREGATOR_CONSUMER, DETECTIONS_TOPIC, startAlertPipeline } from './alert-pipeline.ts';
import { processEvent, WS } from './testing/cases-fixture.ts';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const T0 = Date.UTC(2026, 5, 1, 10);

/** A detection as the detection service publishes it: event ids only, ISO time. */
function detection(ruleId: string, eventId: string, at: number, tags: string[], level = 'medium') {
  return {
    id: `${ruleId}:${eventId}`,
    kind: 'match',
    workspace: WS,
    dataSpace: 'default',
    dataSpaces: ['default'],
    rule: { id: ruleId, title: `Rule ${ruleId}`, level, tags, version: 1 },
    eventIds: [eventId],
    time: new Date(at).toISOString(),
    detectedAt: new Date(at + 10).toISOString(),
  };
}

test('detections on the bus become deduplicated alerts grouped into an incident (in-process bus + SQLite)', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-alert-pipeline-'));
  dirs.push(dataDir);
  const storage = await openSqliteStorage({ dataDir });
  await storage.migrate();
  const stores = await openSqliteCasesStores({ dataDir });
  const bus = createInProcessBus();
  const clock = new ManualClock(T0 + 60_000);
  const cases = createCasesRuntime(stores, { clock, ids: sequentialIds('p') });
  const events = [
    processEvent('e-1', T0),
    processEvent('e-2', T0 + 1000),
    processEvent('e-3', T0 + 2000),
    processEvent('e-4', T0 + 3000),
  ];
  await storage.events.append(events as unknown as VigilEvent[]);
  const seen: string[] = [];
  const pipeline = await startAlertPipeline({
    bus,
    cases,
    events: storage.events,
    logger: silentLogger,
    onCreated: (alerts) => seen.push(...alerts.map((a) => a.id)),
  });
  try {
    // Three hits of the same execution rule on ws01/alice (one alert, count 3), then a persistence rule.
    await bus.publish(DETECTIONS_TOPIC, [
      detection('exec', 'e-1', T0, ['attack.execution', 'attack.t1059.001']),
      detection('exec', 'e-2', T0 + 1000, ['attack.execution', 'attack.t1059.001']),
    ]);
    await bus.publish(DETECTIONS_TOPIC, [
      detection('exec', 'e-3', T0 + 2000, ['attack.execution', 'attack.t1059.001']),
      detection('persist', 'e-4', T0 + 3000, ['attack.persistence', 'attack.t1547.001'], 'high'),
      { workspace: '', rule: {} },
    ]);
    assert.equal(await drainTopic(bus, DETECTIONS_TOPIC, 5000), 0);

    const alerts = await stores.alerts.list(WS);
    assert.equal(alerts.length, 2);
    const exec = alerts.find((a) => a.rule.id === 'exec');
    const persist = alerts.find((a) => a.rule.id === 'persist');
    assert.ok(exec && persist);
    assert.equal(exec.count, 3, 'repeats fold into one alert');
    assert.deepEqual(exec.eventIds, ['e-1', 'e-2', 'e-3']);
    assert.ok(exec.entityKeys.includes('host:ws01'), 'entities come from the stored events');
    assert.equal(exec.firstSeenAt, T0);
    assert.equal(exec.lastSeenAt, T0 + 2000);

    // Grouping is on by default: both alerts share host ws01 → one incident, with provenance.
    assert.ok(exec.incidentId !== undefined);
    assert.equal(persist.incidentId, exec.incidentId);
    const incident = await stores.incidents.get(WS, exec.incidentId);
    assert.ok(incident);
    assert.deepEqual([...incident.alertIds].sort(), [exec.id, persist.id].sort());
    assert.ok(incident.provenance.some((p) => p.kind === 'entity' && p.entity !== undefined));
    assert.match(incident.provenance.map((p) => p.reason).join('\n'), /grouped because host ws01/);
    assert.equal(incident.severity, 'high');

    assert.deepEqual(pipeline.counters, {
      batches: 2,
      detections: 4,
      malformed: 1,
      replayed: 0,
      created: 2,
      updated: 1,
      suppressed: 0,
      excepted: 0,
      grouped: 1,
    });
    assert.deepEqual(seen.sort(), [exec.id, persist.id].sort());
    const stats = bus.stats().find((s) => s.topic === DETECTIONS_TOPIC);
    assert.equal(stats?.acked, 2);
    assert.equal(ALERT_AGGREGATOR_CONSUMER, 'alert-aggregator');
  } finally {
    await pipeline.stop();
    await bus.close();
    await stores.close();
    await storage.close();
  }
});

test('suppression rules stop detections before they become alerts, and every hit is counted', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-alert-pipeline-'));
  dirs.push(dataDir);
  const storage = await openSqliteStorage({ dataDir });
  await storage.migrate();
  const stores = await openSqliteCasesStores({ dataDir });
  const bus = createInProcessBus();
  const clock = new ManualClock(T0);
  const cases = createCasesRuntime(stores, { clock, ids: sequentialIds('s') });
  await stores.suppressions.create({
    id: 'sup-1',
    workspace: WS,
    ruleId: 'exec',
    match: { 'host.name': ['ws0*'] },
    startsAt: T0 - 1,
    expiresAt: T0 + 3_600_000,
    reason: 'admin scripts',
    owner: 'u-ana',
    createdAt: T0 - 1,
  });
  const pipeline = await startAlertPipeline({ bus, cases, logger: silentLogger });
  try {
    // Domain-shaped detections carry their events.
    await bus.publish(DETECTIONS_TOPIC, [
      {
        workspace: WS,
        rule: { id: 'exec', title: 'Exec', tags: [] },
        kind: 'event',
        events: [processEvent('e-1', T0)],
        time: T0,
      },
      {
        workspace: WS,
        rule: { id: 'exec', title: 'Exec', tags: [] },
        kind: 'event',
        events: [processEvent('e-2', T0, 'srv9')],
        time: T0,
      },
    ]);
    assert.equal(await drainTopic(bus, DETECTIONS_TOPIC, 5000), 0);
    assert.equal((await stores.alerts.list(WS)).length, 1);
    assert.deepEqual(await stores.ledger.counts(WS), [
      { ruleId: 'exec', suppressed: 1, excepted: 0, by: { 'sup-1': 1 }, lastAt: T0 },
    ]);
  } finally {
    await pipeline.stop();
    await bus.close();
    await stores.close();
    await storage.close();
  }
});

test('a redelivered batch (grouping failed) is grouped again without counting its detections twice', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-alert-pipeline-'));
  dirs.push(dataDir);
  const storage = await openSqliteStorage({ dataDir });
  await storage.migrate();
  const stores = await openSqliteCasesStores({ dataDir });
  const bus = createInProcessBus();
  const cases = createCasesRuntime(stores, { clock: new ManualClock(T0), ids: sequentialIds('r') });
  const real = cases.grouper;
  let failures = 1;
  const flaky = Object.create(real) as typeof real;
  flaky.group = (alerts) => {
    if (failures-- > 0) return Promise.reject(new Error('database hiccup'));
    return real.group(alerts);
  };
  const pipeline = await startAlertPipeline({
    bus,
    cases: { ...cases, grouper: flaky },
    logger: silentLogger,
  });
  try {
    await bus.publish(DETECTIONS_TOPIC, [
      {
        workspace: WS,
        rule: { id: 'c2', title: 'C2', tags: [], level: 'critical' },
        kind: 'event',
        events: [processEvent('e-1', T0)],
        time: T0,
      },
    ]);
    assert.equal(await drainTopic(bus, DETECTIONS_TOPIC, 10_000), 0);
    const [alert, ...others] = await stores.alerts.list(WS);
    assert.equal(others.length, 0);
    assert.equal(alert?.count, 1, 'not counted twice');
    assert.ok(alert?.incidentId, 'grouped on the second attempt');
    assert.equal(pipeline.counters.detections, 1);
    assert.equal(bus.stats().find((s) => s.topic === DETECTIONS_TOPIC)?.redelivered, 1);
  } finally {
    await pipeline.stop();
    await bus.close();
    await stores.close();
    await storage.close();
  }
});

test('a worker that crashed after storing, before acking: the next process does not count the detections again', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-alert-pipeline-'));
  dirs.push(dataDir);
  const storage = await openSqliteStorage({ dataDir });
  await storage.migrate();
  const stores = await openSqliteCasesStores({ dataDir });
  await storage.events.append([
    processEvent('e-1', T0),
    processEvent('e-2', T0 + 1),
  ] as unknown as VigilEvent[]);
  const batch = [
    detection('exec', 'e-1', T0, ['attack.execution']),
    detection('exec', 'e-2', T0 + 1, ['attack.execution']),
  ];
  const clock = new ManualClock(T0 + 60_000);
  const run = async (ids: string) => {
    // A fresh runtime and pipeline: nothing remembered in memory, as after a restart.
    const bus = createInProcessBus();
    const cases = createCasesRuntime(stores, { clock, ids: sequentialIds(ids) });
    const pipeline = await startAlertPipeline({ bus, cases, events: storage.events, logger: silentLogger });
    try {
      await bus.publish(DETECTIONS_TOPIC, batch);
      assert.equal(await drainTopic(bus, DETECTIONS_TOPIC, 5000), 0);
      return { ...pipeline.counters };
    } finally {
      await pipeline.stop();
      await bus.close();
    }
  };
  try {
    const first = await run('w1');
    assert.equal(first.created, 1);
    clock.advance(5 * 60_000);
    const second = await run('w2');
    assert.equal(second.replayed, 2);
    assert.equal(second.created + second.updated, 0);
    const alerts = await stores.alerts.list(WS);
    assert.equal(alerts.length, 1);
    assert.equal(alerts[0]?.count, 2);
  } finally {
    await stores.close();
    await storage.close();
  }
});
