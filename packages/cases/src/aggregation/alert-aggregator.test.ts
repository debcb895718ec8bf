import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, isVigilError, sequentialIds } from '@vigil/core';
import { MemoryAlertRepository } from '../alerts/memory-alert-repository.ts';
import { changeAlertStatus } from '../alerts/alert-status.ts';
import type { Detection } from '../alerts/detection.ts';
import { detectionOf, sshdFailedPassword, sysmonProcessCreation } from '../fixtures/ecs-events.ts';
import { AlertAggregator, type AlertAggregatorDeps } from './alert-aggregator.ts';
import type { ExceptionCheck } from './exception-check.port.ts';
import { MemorySuppressedHitLedger } from './memory-suppressed-hit-ledger.ts';
import { MemorySuppressionRuleRepository } from './memory-suppression-rule-repository.ts';
import { newSuppressionRule } from './suppression-rule.ts';

const HOUR = 3_600_000;

function setup(extra: Partial<AlertAggregatorDeps> = {}) {
  const base = {
    alerts: new MemoryAlertRepository(),
    suppressions: new MemorySuppressionRuleRepository(),
    ledger: new MemorySuppressedHitLedger(),
    clock: new ManualClock(Date.UTC(2026, 0, 1, 12)),
    ids: sequentialIds('alert'),
  };
  return { ...base, aggregator: new AlertAggregator({ ...base, ...extra }) };
}

const ssh = (id: string, overrides: Record<string, unknown> = {}, rule = 'ssh-fail'): Detection =>
  detectionOf(sshdFailedPassword(id, overrides), { id: rule, level: 'medium', tags: ['attack.t1110'] });

test('repeats within the window raise count and last seen instead of creating alerts', async () => {
  const { aggregator, alerts, clock } = setup();
  const first = await aggregator.ingest([ssh('e1')]);
  assert.equal(first.created.length, 1);
  clock.advance(10 * 60_000);
  const later = { '@timestamp': '2025-03-03T09:25:40.000Z' };
  const second = await aggregator.ingest([ssh('e2', later), ssh('e3', later)]);
  assert.equal(second.created.length, 0);
  assert.equal(second.updated.length, 1);
  const stored = await alerts.get('ws1', first.created[0]?.id ?? '');
  assert.equal(stored?.count, 3);
  assert.deepEqual(stored?.eventIds, ['e1', 'e2', 'e3']);
  assert.equal(stored?.lastSeenAt, Date.parse('2025-03-03T09:25:40.000Z'));
  assert.equal(stored?.firstSeenAt, Date.parse('2025-03-03T09:15:40.000Z'));
  assert.equal(stored?.version, 2);
  assert.equal((await alerts.list('ws1')).length, 1);
});

test('repeats in the same batch fold into the alert that batch creates', async () => {
  const { aggregator, alerts } = setup();
  const r = await aggregator.ingest([ssh('e1'), ssh('e2'), ssh('e3')]);
  assert.equal(r.created.length, 1);
  assert.equal(r.updated.length, 0);
  assert.equal(r.created[0]?.count, 3);
  assert.equal((await alerts.list('ws1'))[0]?.count, 3);
});

test('after the window, or after the alert is closed, a repeat creates a new alert', async () => {
  const { aggregator, alerts, clock } = setup();
  const a = (await aggregator.ingest([ssh('e1')])).created[0];
  clock.advance(HOUR);
  const b = (await aggregator.ingest([ssh('e2')])).created[0];
  assert.ok(a && b && a.id !== b.id, 'window is 1 h by default and ends exactly at createdAt + 1 h');
  const stored = await alerts.get('ws1', b.id);
  assert.ok(stored);
  await alerts.updateMany('ws1', [
    changeAlertStatus(stored, { to: 'closed', closeReason: 'resolved' }, 'ana', clock.now()),
  ]);
  const c = await aggregator.ingest([ssh('e3')]);
  assert.equal(c.created.length, 1);
  assert.equal((await alerts.list('ws1')).length, 3);
});

test('the dedup key is rule + host + user by default; per-rule group fields and windows are configurable', async () => {
  const { aggregator } = setup({
    dedupPolicy: (rule) =>
      rule === 'by-ip' ? { groupFields: ['source.ip'], windowMs: 5 * 60_000 } : undefined,
  });
  const r = await aggregator.ingest([
    ssh('e1'),
    ssh('e2', { user: { name: 'admin' } }),
    ssh('e3', { host: { name: 'web01' } }),
    ssh('e4', {}, 'other-rule'),
    ssh('e5', { user: { name: 'admin' } }, 'by-ip'),
    ssh('e6', { user: { name: 'oracle' } }, 'by-ip'),
  ]);
  assert.equal(r.created.length, 5);
  const byIp = r.created.find((a) => a.rule.id === 'by-ip');
  assert.equal(byIp?.count, 2);
  assert.equal(byIp?.dedupKey, 'by-ip|source.ip=203.0.113.77');
  assert.equal(byIp?.dedupUntil, Date.UTC(2026, 0, 1, 12) + 5 * 60_000);
});

test('suppression rules stop matching hits until they expire; each hit is counted per rule', async () => {
  const { aggregator, suppressions, ledger, clock, ids } = setup();
  const rule = newSuppressionRule(
    'ws1',
    'ana',
    {
      ruleId: 'ssh-fail',
      match: { 'source.ip': ['203.0.113.*'], 'host.name': 'BASTION' },
      durationMs: 2 * HOUR,
      reason: 'pentest',
    },
    { ids, clock },
  );
  await suppressions.create(rule);
  const r = await aggregator.ingest([
    ssh('e1'),
    ssh('e2'),
    ssh('e3', { source: { ip: '198.51.100.1' } }),
    ssh('e4', {}, 'other-rule'),
  ]);
  assert.equal(r.suppressed, 2);
  assert.equal(r.created.length, 2);
  assert.deepEqual(await ledger.counts('ws1'), [
    { ruleId: 'ssh-fail', suppressed: 2, excepted: 0, by: { [rule.id]: 2 }, lastAt: clock.now() },
  ]);
  assert.deepEqual(
    (await ledger.recent('ws1')).map((h) => h.eventIds[0]),
    ['e2', 'e1'],
  );
  clock.advance(2 * HOUR);
  const after = await aggregator.ingest([ssh('e5')]);
  assert.equal(after.suppressed, 0);
  assert.equal(after.created.length, 1);
});

test('suppression input is validated field by field', () => {
  const deps = { ids: sequentialIds('s'), clock: new ManualClock() };
  const field = (input: Record<string, unknown>): unknown => {
    try {
      newSuppressionRule('ws1', 'ana', input, deps);
    } catch (e) {
      return isVigilError(e) ? e.details?.['field'] : e;
    }
    return undefined;
  };
  assert.equal(field({ match: {}, durationMs: HOUR, reason: 'x' }), 'match');
  assert.equal(field({ match: { a: [] }, durationMs: HOUR, reason: 'x' }), 'match.a');
  assert.equal(field({ match: { a: 'b' }, durationMs: 5, reason: 'x' }), 'durationMs');
  assert.equal(field({ match: { a: 'b' }, durationMs: HOUR, reason: ' ' }), 'reason');
  assert.equal(field({ match: { a: 'b' }, durationMs: HOUR, reason: 'ok' }), undefined);
});

test('exceptions apply before an alert exists and are counted', async () => {
  const exceptions: ExceptionCheck = {
    match: (d) =>
      Promise.resolve(
        d.events[0] !== undefined && JSON.stringify(d.events[0]).includes('deploy')
          ? { id: 'exc-1', reason: 'CI user' }
          : undefined,
      ),
  };
  const { aggregator, ledger, alerts } = setup({ exceptions });
  const r = await aggregator.ingest([
    ssh('e1', { user: { name: 'deploy' } }),
    ssh('e2', { user: { name: 'deploy' } }),
    ssh('e3'),
  ]);
  assert.equal(r.excepted, 2);
  assert.equal(r.created.length, 1);
  assert.equal((await alerts.list('ws1')).length, 1);
  const [count] = await ledger.counts('ws1', 'ssh-fail');
  assert.equal(count?.excepted, 2);
  assert.deepEqual(count?.by, { 'exc-1': 2 });
});

test('workspaces are separate: the same key in two workspaces makes two alerts', async () => {
  const { aggregator, alerts } = setup();
  const other: Detection = { ...ssh('e2'), workspace: 'ws2' };
  const r = await aggregator.ingest([ssh('e1'), other]);
  assert.equal(r.created.length, 2);
  assert.equal((await alerts.list('ws1')).length, 1);
  assert.equal((await alerts.list('ws2')).length, 1);
  assert.equal(await alerts.get('ws2', r.created[0]?.id ?? ''), undefined);
});

test('the in-memory repository enforces versions and workspace scoping', async () => {
  const { aggregator, alerts } = setup();
  const [a] = (await aggregator.ingest([detectionOf(sysmonProcessCreation())])).created;
  assert.ok(a);
  await alerts.updateMany('ws1', [{ ...a, owner: 'ana' }]);
  await assert.rejects(alerts.updateMany('ws1', [{ ...a, owner: 'bob' }]), { code: 'VERSION_CONFLICT' });
  await assert.rejects(alerts.insertMany('ws1', [a]), { code: 'ALERT_EXISTS' });
  await assert.rejects(alerts.insertMany('ws2', [a]), { code: 'WORKSPACE_MISMATCH' });
  const found = await alerts.findByEntities(
    'ws1',
    ['host:workstation5.theshire.local'],
    0,
    Date.UTC(2030, 0, 1),
  );
  assert.deepEqual(
    found.map((x) => x.id),
    [a.id],
  );
});

test('an analyst change between read and write is kept: the batch is re-read and re-folded', async () => {
  const { aggregator, alerts } = setup();
  const [a] = (await aggregator.ingest([ssh('e1')])).created;
  assert.ok(a);
  const original = alerts.findDedupTargets.bind(alerts);
  let raced = false;
  alerts.findDedupTargets = async (ws, keys, now) => {
    const found = await original(ws, keys, now);
    if (!raced) {
      raced = true;
      const current = await alerts.get('ws1', a.id);
      assert.ok(current);
      await alerts.updateMany('ws1', [{ ...current, owner: 'ana' }]);
    }
    return found;
  };
  const r = await aggregator.ingest([ssh('e2')]);
  assert.equal(r.updated.length, 1);
  const stored = await alerts.get('ws1', a.id);
  assert.equal(stored?.owner, 'ana');
  assert.equal(stored?.count, 2);
  assert.equal(stored?.version, 3);
});

test('a redelivered detection id is not counted again, within the window; id-less detections always count', async () => {
  const { aggregator, alerts, clock } = setup();
  const d1 = { ...ssh('e1'), id: 'det-1' };
  const first = await aggregator.ingest([d1]);
  assert.equal(first.created.length, 1);
  // The worker crashed after storing, before acking: the bus hands the same detection out again.
  const again = await aggregator.ingest([d1, { ...ssh('e2'), id: 'det-2' }, { ...ssh('e2'), id: 'det-2' }]);
  assert.equal(again.replayed, 2);
  assert.equal(again.updated.length, 1);
  assert.equal((await alerts.get('ws1', first.created[0]?.id ?? ''))?.count, 2);
  await aggregator.ingest([ssh('e3'), ssh('e3')]);
  assert.equal((await alerts.get('ws1', first.created[0]?.id ?? ''))?.count, 4);
  // Past the dedup window the id is forgotten (a new alert would be made anyway).
  clock.advance(HOUR + 1);
  const late = await aggregator.ingest([d1]);
  assert.equal(late.replayed, 0);
  assert.equal(late.created.length, 1);
});

test('suppressed detections are remembered too: a redelivery does not count the suppression twice', async () => {
  const { aggregator, suppressions, ledger, clock } = setup();
  await suppressions.create(
    newSuppressionRule(
      'ws1',
      'ana',
      { match: { 'source.ip': '10.0.0.5' }, durationMs: HOUR, reason: 'scanner' },
      { ids: sequentialIds('s'), clock },
    ),
  );
  const d = { ...ssh('e1', { source: { ip: '10.0.0.5' } }), id: 'det-s' };
  await aggregator.ingest([d]);
  const again = await aggregator.ingest([d]);
  assert.equal(again.replayed, 1);
  assert.equal(again.suppressed, 0);
  assert.equal((await ledger.counts('ws1'))[0]?.suppressed, 1);
});

test('a concurrent redelivery that wins the write is detected and the batch re-planned without it', async () => {
  const { aggregator, alerts } = setup();
  const d1 = { ...ssh('e1'), id: 'det-1' };
  const other = new AlertAggregator({
    alerts,
    suppressions: new MemorySuppressionRuleRepository(),
    ledger: new MemorySuppressedHitLedger(),
    clock: new ManualClock(Date.UTC(2026, 0, 1, 12)),
    ids: sequentialIds('other'),
  });
  // Both consumers read "not processed"; the other one stores first.
  const real = alerts.processedDetections.bind(alerts);
  let first = true;
  alerts.processedDetections = async (ws, ids, now) => {
    if (first) {
      first = false;
      await other.ingest([d1]);
      return [];
    }
    return real(ws, ids, now);
  };
  const r = await aggregator.ingest([d1, { ...ssh('e2'), id: 'det-2' }]);
  assert.equal(r.replayed, 1);
  const [stored] = await alerts.list('ws1');
  assert.equal(stored?.count, 2);
  assert.equal((await alerts.list('ws1')).length, 1);
});
