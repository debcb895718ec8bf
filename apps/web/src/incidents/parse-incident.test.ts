import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseIncidentDetail, parseIncidents } from './parse-incident.ts';

test('reads an incident detail with its alerts, timeline, kill chain and SLA state', () => {
  const detail = parseIncidentDetail({
    incident: {
      id: 'i-1',
      version: 2,
      title: 'Activity on host ws01',
      status: 'open',
      severity: 'high',
      stage: 'containment',
      alertIds: ['a-1', 'a-2'],
      entityKeys: ['host:ws01'],
      sla: { acknowledgeDueAt: 10, resolveDueAt: 20, breaches: [] },
      provenance: [
        {
          kind: 'entity',
          alertId: 'a-2',
          entity: 'host:ws01',
          at: 3,
          actor: 'system:grouper',
          reason: 'shared host ws01',
        },
      ],
    },
    alerts: [{ id: 'a-1' }, { id: 'a-2' }],
    timeline: [{ at: 1, actor: 'system:grouper', action: 'created' }],
    killChain: {
      columns: [
        { tactic: 'reconnaissance', id: 'TA0043', name: 'Reconnaissance', alerts: [] },
        {
          tactic: 'initial-access',
          id: 'TA0001',
          name: 'Initial Access',
          firstSeenAt: 1,
          alerts: [
            { alertId: 'a-1', title: 'phish', severity: 'medium', firstSeenAt: 1, techniques: ['T1566'] },
          ],
        },
      ],
      unmapped: [],
      furthestTactic: 'initial-access',
      monotonic: true,
    },
    sla: { acknowledge: 'pending', resolve: 'breached' },
  });
  assert.ok(detail);
  assert.equal(detail.incident.acknowledgeDueAt, 10);
  assert.equal(detail.incident.provenance[0]?.reason, 'shared host ws01');
  assert.deepEqual(
    detail.alerts.map((a) => a.id),
    ['a-1', 'a-2'],
  );
  assert.equal(detail.killChain.columns[1]?.alerts[0]?.title, 'phish');
  assert.equal(detail.killChain.furthestTactic, 'initial-access');
  assert.deepEqual(detail.sla, { acknowledge: 'pending', resolve: 'breached' });
  assert.equal(detail.timeline[0]?.action, 'created');
});

test('an answer without an incident is no detail; list items without an id are skipped', () => {
  assert.equal(parseIncidentDetail({ alerts: [] }), undefined);
  assert.deepEqual(
    parseIncidents([{ id: 'i-1' }, { title: 'x' }]).map((i) => [i.id, i.status, i.stage]),
    [['i-1', 'open', 'detection_analysis']],
  );
  const none = parseIncidentDetail({ incident: { id: 'i-2' } });
  assert.deepEqual(none?.sla, { acknowledge: 'none', resolve: 'none' });
  assert.deepEqual(none?.killChain.columns, []);
});
