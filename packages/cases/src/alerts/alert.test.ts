import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, isVigilError, sequentialIds } from '@vigil/core';
import { detectionOf, sshdFailedPassword, sysmonProcessCreation } from '../fixtures/ecs-events.ts';
import { alertFromDetection } from './alert-from-detection.ts';
import { changeAlertStatus } from './alert-status.ts';
import { updateAlert } from './alert-update.ts';
import type { Detection } from './detection.ts';
import { parseSeverity, severityFromLevel } from './severity.ts';

const clock = new ManualClock(Date.UTC(2026, 0, 1, 12));
const ctx = { ids: sequentialIds('alert'), clock };

test('a single-event detection becomes an alert with every issue-5 field', () => {
  const d = detectionOf(sysmonProcessCreation(), {
    id: 'sigma-wscript',
    level: 'high',
    tags: ['attack.execution', 'attack.t1059.005', 'attack.initial_access'],
    title: 'WScript runs a VBS from the desktop',
  });
  const a = alertFromDetection(
    { ...d, rule: { ...d.rule, version: 3, description: 'desc', remediation: 'isolate' } },
    ctx,
  );
  assert.equal(a.workspace, 'ws1');
  assert.equal(a.title, 'WScript runs a VBS from the desktop');
  assert.deepEqual(a.rule, { id: 'sigma-wscript', version: 3 });
  assert.equal(a.severity, 'high');
  assert.equal(a.confidence, 80);
  assert.deepEqual(a.tactics, ['initial-access', 'execution']);
  assert.deepEqual(a.techniques, ['T1059.005']);
  assert.equal(a.category, 'execution');
  assert.equal(a.firstSeenAt, Date.parse('2020-09-04T20:09:55.035Z'));
  assert.equal(a.lastSeenAt, a.firstSeenAt);
  assert.equal(a.count, 1);
  assert.equal(a.dataSource, 'windows.sysmon');
  assert.deepEqual(a.eventIds, ['ev-win-1']);
  assert.ok(a.entityKeys.includes('host:workstation5.theshire.local'));
  assert.equal(a.dedupKey, 'sigma-wscript|host.name=workstation5.theshire.local|user.name=pgustavo');
  assert.equal(a.status, 'open');
  assert.equal(a.verification, 'unknown');
  assert.deepEqual(a.labels, []);
  assert.equal(a.description, 'desc');
  assert.equal(a.remediation, 'isolate');
  assert.equal(a.createdAt, clock.now());
  assert.equal(a.activity[0]?.action, 'created');
});

test('a correlation hit keeps all events, the group values and the correlation type', () => {
  const events = [1, 2, 3].map((i) =>
    sshdFailedPassword(`ev-${i}`, {
      '@timestamp': new Date(Date.UTC(2025, 2, 3, 9, 15, i * 10)).toISOString(),
    }),
  );
  const hit: Detection = {
    workspace: 'ws1',
    rule: {
      id: 'brute-force',
      title: 'SSH brute force',
      level: 'medium',
      tags: ['attack.credential_access', 'attack.t1110'],
    },
    kind: 'correlation',
    correlationType: 'event_count',
    events,
    group: { 'source.ip': '203.0.113.77' },
    time: Date.UTC(2025, 2, 3, 9, 15, 30),
  };
  const a = alertFromDetection(hit, ctx);
  assert.equal(a.source, 'correlation');
  assert.equal(a.correlationType, 'event_count');
  assert.deepEqual(a.eventIds, ['ev-1', 'ev-2', 'ev-3']);
  assert.equal(a.firstSeenAt, Date.UTC(2025, 2, 3, 9, 15, 10));
  assert.equal(a.lastSeenAt, Date.UTC(2025, 2, 3, 9, 15, 30));
  assert.deepEqual(a.tactics, ['credential-access']);
  assert.equal(a.confidence, 50);
  assert.equal(a.dataSource, 'system.auth');
  assert.ok(a.entityKeys.includes('ip:203.0.113.77'));
});

test('severity from Sigma levels and validation of caller values', () => {
  assert.equal(severityFromLevel('CRITICAL'), 'critical');
  assert.equal(severityFromLevel('informational'), 'informational');
  assert.equal(severityFromLevel(undefined), 'medium');
  assert.throws(
    () => parseSeverity('urgent'),
    (e: unknown) => isVigilError(e) && e.code === 'INVALID_SEVERITY' && e.details?.['field'] === 'severity',
  );
});

test('alert lifecycle: valid transitions, acknowledgement and close times', () => {
  const a = alertFromDetection(detectionOf(sshdFailedPassword()), ctx);
  const t0 = clock.now();
  const ack = changeAlertStatus(a, { to: 'in_progress' }, 'ana', t0 + 60_000);
  assert.equal(ack.acknowledgedAt, t0 + 60_000);
  const back = changeAlertStatus(ack, { to: 'open' }, 'ana', t0 + 120_000);
  const again = changeAlertStatus(back, { to: 'in_progress' }, 'ana', t0 + 180_000);
  assert.equal(again.acknowledgedAt, t0 + 60_000, 'the first acknowledgement counts');
  const closed = changeAlertStatus(
    again,
    { to: 'closed', closeReason: 'resolved', comment: 'reimaged' },
    'ana',
    t0 + 240_000,
  );
  assert.equal(closed.closedAt, t0 + 240_000);
  assert.equal(closed.closeReason, 'resolved');
  assert.equal(closed.closeComment, 'reimaged');
  const reopened = changeAlertStatus(closed, { to: 'open' }, 'bob', t0 + 300_000);
  assert.equal(reopened.closeReason, undefined);
  assert.equal(reopened.closedAt, undefined);
  assert.deepEqual(
    reopened.activity.filter((e) => e.action === 'status_changed').map((e) => [e.actor, e.before, e.after]),
    [
      ['ana', 'open', 'in_progress'],
      ['ana', 'in_progress', 'open'],
      ['ana', 'open', 'in_progress'],
      ['ana', 'in_progress', 'closed'],
      ['bob', 'closed', 'open'],
    ],
  );
  const direct = changeAlertStatus(a, { to: 'closed', closeReason: 'duplicate' }, 'ana', t0);
  assert.equal(direct.status, 'closed');
});

test('alert lifecycle: invalid transitions and closing without a reason are 4xx errors naming the field', () => {
  const a = alertFromDetection(detectionOf(sshdFailedPassword()), ctx);
  const code = (fn: () => unknown): string | undefined => {
    try {
      fn();
    } catch (e) {
      if (isVigilError(e) && e.kind === 'user') return `${e.code}:${String(e.details?.['field'])}`;
      throw e;
    }
    return undefined;
  };
  assert.equal(
    code(() => changeAlertStatus(a, { to: 'closed' }, 'x', 1)),
    'CLOSE_REASON_REQUIRED:closeReason',
  );
  assert.equal(
    code(() => changeAlertStatus(a, { to: 'closed', closeReason: 'other' }, 'x', 1)),
    'CLOSE_REASON_REQUIRED:closeComment',
  );
  assert.equal(
    code(() => changeAlertStatus(a, { to: 'closed', closeReason: 'bored' }, 'x', 1)),
    'INVALID_CLOSE_REASON:closeReason',
  );
  assert.equal(
    code(() => changeAlertStatus(a, { to: 'done' }, 'x', 1)),
    'INVALID_STATUS:status',
  );
  assert.equal(
    code(() => changeAlertStatus(a, { to: 'open' }, 'x', 1)),
    'INVALID_ALERT_TRANSITION:status',
  );
  const closed = changeAlertStatus(a, { to: 'closed', closeReason: 'resolved' }, 'x', 1);
  assert.equal(
    code(() => changeAlertStatus(closed, { to: 'in_progress' }, 'x', 2)),
    'INVALID_ALERT_TRANSITION:status',
  );
  assert.equal(a.status, 'open', 'the input alert is never mutated');
});

test('analyst edits are validated and recorded with before/after', () => {
  const a = alertFromDetection(detectionOf(sshdFailedPassword()), ctx);
  const b = updateAlert(
    a,
    { owner: 'ana', labels: ['vip', 'vip', ' lab '], verification: 'true_positive', severity: 'critical' },
    'lead',
    5,
  );
  assert.equal(b.owner, 'ana');
  assert.deepEqual(b.labels, ['vip', 'lab']);
  assert.equal(b.verification, 'true_positive');
  assert.equal(b.severity, 'critical');
  assert.deepEqual(
    b.activity.slice(1).map((e) => [e.field, e.before, e.after]),
    [
      ['owner', null, 'ana'],
      ['labels', [], ['vip', 'lab']],
      ['verification', 'unknown', 'true_positive'],
      ['severity', 'high', 'critical'],
    ],
  );
  assert.throws(() => updateAlert(a, { verification: 'maybe' }, 'lead', 5), /verification/);
  assert.throws(() => updateAlert(a, { labels: [''] }, 'lead', 5), /labels/);
  assert.equal(
    updateAlert(b, { owner: 'ana' }, 'lead', 9).activity.length,
    b.activity.length,
    'no-op edits are not recorded',
  );
});

test('technique-only tags land on tactics when the ATT&CK lookup is given', () => {
  const d = detectionOf(sshdFailedPassword(), { tags: ['attack.t1003.001'] });
  assert.deepEqual(alertFromDetection(d, ctx).tactics, []);
  const lookup = new Map([['T1003.001', ['credential-access']]]);
  const a = alertFromDetection(d, { ...ctx, techniqueTactics: lookup });
  assert.deepEqual(a.tactics, ['credential-access']);
  assert.equal(a.category, 'credential-access');
});
