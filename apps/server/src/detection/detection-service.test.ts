import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createInProcessBus, ManualClock } from '@vigil/core';
import type { Delivery } from '@vigil/core';
import { MemoryMetadataStore } from '../auth/memory-metadata-store.ts';
import { importRules } from '../rules/import-rules.ts';
import { createDetection } from './create-detection.ts';
import { DETECTIONS_TOPIC } from './detection-event.ts';
import { detectionMetricFamilies } from './detection-metrics.ts';
import type { Detection } from './detection-event.ts';
import {
  BRUTE_ID,
  bruteForceCorrelation,
  FAILED_ID,
  failedLogon,
  failedLogonRule,
  sysmonProcess,
  vigilEvent,
  WHOAMI_ID,
  whoamiRule,
} from './detection-fixture.ts';

/** Runtimes to close (their match workers) once the tests are done. */
const runtimes: ReturnType<typeof createDetection>[] = [];
after(() => Promise.all(runtimes.map((rt) => rt.service.close())));

async function setup(matchThreads: number) {
  const clock = new ManualClock(Date.UTC(2026, 2, 1));
  const bus = createInProcessBus();
  const rt = createDetection({
    metadata: new MemoryMetadataStore(),
    bus,
    clock,
    latenessMs: 0,
    idleFlushMs: 0,
    matchThreads,
  });
  runtimes.push(rt);
  const received: Detection[] = [];
  await bus.subscribe<Detection>(DETECTIONS_TOPIC, 'test', (d: Delivery<Detection>) => {
    received.push(...d.batch);
    return Promise.resolve();
  });
  const settle = async () => {
    for (let i = 0; i < 20 && ((await bus.pressure(DETECTIONS_TOPIC)).pending > 0 || i < 2); i++)
      await new Promise((r) => setImmediate(r));
  };
  return { clock, bus, rt, received, settle };
}

// The same tests with matching on the main thread and in a worker-thread pool.
for (const matchThreads of [0, 2])
  describe(`detection service (ingest detect hook), ${matchThreads} match threads`, () => {
    test('an ingested batch produces the expected detections on the bus', async () => {
      const { rt, received, settle, bus } = await setup(matchThreads);
      const r = await importRules(rt.rules, 'ws-a', [{ path: 'rules/whoami.yml', text: whoamiRule() }], {
        enabled: true,
      });
      assert.equal(r.created.length, 1);
      const hit = vigilEvent(sysmonProcess('C:\\Windows\\System32\\whoami.exe'), '2026-03-01T10:00:00Z');
      const miss = vigilEvent(sysmonProcess('C:\\Windows\\System32\\cmd.exe'), '2026-03-01T10:00:01Z');
      const other = vigilEvent(
        sysmonProcess('C:\\Windows\\System32\\whoami.exe'),
        '2026-03-01T10:00:02Z',
        'ws-b',
      );
      await rt.service.inspect([hit, miss, other]);
      await settle();
      assert.equal(received.length, 1);
      const d = received[0] as Detection;
      assert.equal(d.kind, 'match');
      assert.equal(d.workspace, 'ws-a');
      assert.equal(d.dataSpace, 'default');
      assert.deepEqual(d.eventIds, [hit.vigil.id]);
      assert.deepEqual(d.events, [hit], 'the event travels inline (it may not be stored yet)');
      assert.deepEqual(d.rule, {
        id: WHOAMI_ID,
        title: 'Whoami Execution',
        level: 'high',
        status: 'test',
        tags: ['attack.discovery', 'attack.t1033'],
        version: 1,
      });
      assert.equal(d.time, '2026-03-01T10:00:00.000Z');
      assert.match(d.id, /^[0-9a-f]{32}$/);
      assert.equal(rt.service.counters.published, 1);
      await bus.close();
    });

    test('disabled rules do not fire; enabling one recompiles (swapped in when compiled)', async () => {
      const { rt, received, settle, bus } = await setup(matchThreads);
      await importRules(rt.rules, 'ws-a', [{ path: 'whoami.yml', text: whoamiRule() }]);
      const ev = () => vigilEvent(sysmonProcess('C:\\x\\whoami.exe'), '2026-03-01T10:00:00Z');
      await rt.service.inspect([ev()]);
      await settle();
      assert.equal(received.length, 0, 'imported rules start disabled');
      await rt.rules.setEnabled('ws-a', WHOAMI_ID, true);
      await rt.service.whenCompiled('ws-a');
      await rt.service.inspect([ev()]);
      await settle();
      assert.equal(received.length, 1);
      await rt.rules.setEnabled('ws-a', WHOAMI_ID, false);
      await rt.service.whenCompiled('ws-a');
      await rt.service.inspect([ev()]);
      await settle();
      assert.equal(received.length, 1);
      await bus.close();
    });

    test('a new rule version is picked up and reported with its version', async () => {
      const { rt, received, settle, bus } = await setup(matchThreads);
      await importRules(rt.rules, 'ws-a', [{ path: 'whoami.yml', text: whoamiRule() }], { enabled: true });
      await rt.service.inspect([vigilEvent(sysmonProcess('C:\\x\\whoami.exe'), '2026-03-01T10:00:00Z')]);
      const again = await importRules(rt.rules, 'ws-a', [
        { path: 'whoami.yml', text: whoamiRule('critical') },
      ]);
      assert.equal(again.updated[0]?.version, 2);
      await rt.service.whenCompiled('ws-a');
      await rt.service.inspect([vigilEvent(sysmonProcess('C:\\x\\whoami.exe'), '2026-03-01T10:00:01Z')]);
      await settle();
      assert.deepEqual(
        received.map((d) => [d.rule.level, d.rule.version]),
        [
          ['high', 1],
          ['critical', 2],
        ],
      );
      await bus.close();
    });

    test('exceptions suppress matches and count them; expired exceptions are ignored', async () => {
      const { rt, received, settle, bus, clock } = await setup(matchThreads);
      await importRules(rt.rules, 'ws-a', [{ path: 'whoami.yml', text: whoamiRule() }], { enabled: true });
      const exc = await rt.exceptions.create('ws-a', {
        ruleId: WHOAMI_ID,
        conditions: { 'User|contains': 'svc_backup' },
        reason: 'inventory job runs whoami',
        owner: 'alice',
        expiresAt: clock.now() + 3_600_000,
      });
      const mk = (user: string) =>
        vigilEvent(sysmonProcess('C:\\x\\whoami.exe', { User: user }), '2026-03-01T10:00:00Z');
      await rt.service.inspect([mk('CORP\\svc_backup'), mk('CORP\\bob'), mk('CORP\\svc_backup')]);
      await settle();
      assert.equal(received.length, 1);
      assert.deepEqual(await rt.service.ruleCounters('ws-a', WHOAMI_ID), {
        matches: 1,
        suppressed: 2,
        byException: { [exc.id]: 2 },
      });
      // Counters are persisted: another process over the same metadata sees them.
      await rt.service.close();
      const other = createDetection({ metadata: rt.rules.metadata, bus, clock });
      assert.equal((await other.service.ruleCounters('ws-a', WHOAMI_ID)).suppressed, 2);
      clock.advance(3_600_001);
      await rt.service.inspect([mk('CORP\\svc_backup')]);
      await settle();
      assert.equal(received.length, 2, 'the expired exception no longer suppresses');
      await bus.close();
    });

    test('exceptions survive a rule update', async () => {
      const { rt, received, settle, bus } = await setup(matchThreads);
      await importRules(rt.rules, 'ws-a', [{ path: 'whoami.yml', text: whoamiRule() }], { enabled: true });
      await rt.exceptions.create('ws-a', { ruleId: WHOAMI_ID, conditions: { User: 'svc' }, reason: 'known' });
      await importRules(rt.rules, 'ws-a', [{ path: 'whoami.yml', text: whoamiRule('medium') }]);
      await rt.service.inspect([
        vigilEvent(sysmonProcess('C:\\x\\whoami.exe', { User: 'svc' }), '2026-03-01T10:00:00Z'),
      ]);
      await settle();
      assert.equal(received.length, 0);
      assert.equal((await rt.service.ruleCounters('ws-a', WHOAMI_ID)).suppressed, 1);
      await bus.close();
    });

    test('a correlation rule fires across two batches, in event time', async () => {
      const { rt, received, settle, bus } = await setup(matchThreads);
      const imported = await importRules(
        rt.rules,
        'ws-a',
        [
          { path: 'failed.yml', text: failedLogonRule },
          { path: 'brute.yml', text: bruteForceCorrelation },
        ],
        { enabled: false },
      );
      assert.deepEqual(imported.rejected, []);
      // Only the correlation is enabled: its base rule runs for it without reporting its own matches.
      await rt.rules.setEnabled('ws-a', BRUTE_ID, true);
      const first = [
        vigilEvent(failedLogon('bob'), '2026-03-01T10:00:00Z'),
        vigilEvent(failedLogon('bob'), '2026-03-01T10:01:00Z'),
        vigilEvent(failedLogon('eve'), '2026-03-01T10:01:30Z'),
      ];
      await rt.service.inspect(first);
      await settle();
      assert.equal(received.length, 0);
      const second = [vigilEvent(failedLogon('bob'), '2026-03-01T10:02:00Z', 'ws-a', 'dc-logs')];
      await rt.service.inspect(second);
      await settle();
      assert.equal(received.length, 1);
      const d = received[0] as Detection;
      assert.equal(d.kind, 'correlation');
      assert.equal(d.rule.id, BRUTE_ID);
      assert.equal(d.rule.level, 'critical');
      assert.deepEqual(d.correlation, { type: 'event_count', group: { TargetUserName: 'bob' } });
      assert.deepEqual(d.eventIds, [first[0]?.vigil.id, first[1]?.vigil.id, second[0]?.vigil.id]);
      assert.deepEqual(d.dataSpaces.sort(), ['dc-logs', 'default']);
      assert.equal(d.dataSpace, 'dc-logs');
      assert.deepEqual(
        d.events.map((e) => e.vigil.id),
        d.eventIds,
      );
      assert.equal(d.time, '2026-03-01T10:02:00.000Z');
      assert.equal((await rt.service.ruleCounters('ws-a', FAILED_ID)).matches, 4);
      const stats = rt.service.workspaceStats('ws-a');
      assert.equal(stats?.rules, 1);
      assert.equal(stats?.correlations, 1);
      assert.equal(stats?.correlation?.hits, 1);
      const metrics = detectionMetricFamilies(rt.service);
      assert.equal(metrics.find((m) => m.name === 'vigil_detection_published_total')?.samples[0]?.value, 1);
      await bus.close();
    });

    test('correlation state survives a recompile that leaves correlations unchanged', async () => {
      const { rt, received, settle, bus } = await setup(matchThreads);
      await importRules(
        rt.rules,
        'ws-a',
        [
          { path: 'failed.yml', text: failedLogonRule },
          { path: 'brute.yml', text: bruteForceCorrelation },
        ],
        { enabled: true },
      );
      await rt.service.inspect([
        vigilEvent(failedLogon('bob'), '2026-03-01T10:00:00Z'),
        vigilEvent(failedLogon('bob'), '2026-03-01T10:00:10Z'),
      ]);
      await importRules(rt.rules, 'ws-a', [{ path: 'whoami.yml', text: whoamiRule() }], { enabled: true });
      await rt.service.inspect([vigilEvent(failedLogon('bob'), '2026-03-01T10:00:20Z')]);
      await settle();
      // The base rule is enabled too and referenced by a non-generating correlation: only the correlation reports.
      assert.deepEqual(
        received.map((d) => d.kind),
        ['correlation'],
      );
      await bus.close();
    });

    test('detections are published in messages bounded by count and bytes', async () => {
      const clock = new ManualClock(Date.UTC(2026, 2, 1));
      const bus = createInProcessBus();
      const rt = createDetection({
        metadata: new MemoryMetadataStore(),
        bus,
        clock,
        maxBatch: 3,
        maxBatchBytes: 4096,
        matchThreads,
      });
      runtimes.push(rt);
      const sizes: number[] = [];
      await bus.subscribe<Detection>(DETECTIONS_TOPIC, 'test', (d) => {
        sizes.push(d.batch.length);
        return Promise.resolve();
      });
      await importRules(rt.rules, 'ws-a', [{ path: 'w.yml', text: whoamiRule() }], { enabled: true });
      const big = 'x'.repeat(1500);
      const events = Array.from({ length: 7 }, (_, i) =>
        vigilEvent(sysmonProcess('C:\\x\\whoami.exe', { Pad: i < 4 ? big : '' }), '2026-03-01T10:00:00Z'),
      );
      await rt.service.inspect(events);
      await new Promise((r) => setTimeout(r, 20));
      assert.equal(
        sizes.reduce((a, b) => a + b, 0),
        7,
      );
      assert.ok(sizes.every((n) => n <= 3));
      assert.ok(sizes.length >= 4, `messages: ${sizes.join(',')}`);
      await bus.close();
    });

    test('a detection failure never fails ingest', async () => {
      const { rt, bus } = await setup(matchThreads);
      const broken = {
        '@timestamp': 'x',
        vigil: { id: 'e', workspace: 'ws-a', data_space: 'default', received_at: '' },
      };
      rt.rules.all = () => Promise.reject(new Error('store down'));
      await rt.service.inspect([broken]);
      assert.equal(rt.service.counters.errors, 1);
      await bus.close();
    });
  });
