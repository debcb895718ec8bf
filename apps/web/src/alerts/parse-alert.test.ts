import assert from 'node:assert/strict';
import { test } from 'node:test';
import { label } from './cases-labels.ts';
import { alertPath, incidentPath } from './case-links.ts';
import { parseAlert, parseAlerts } from './parse-alert.ts';

test('reads an alert as the server sends it, fields of the wrong type read as absent', () => {
  const alert = parseAlert({
    id: 'a-1',
    version: 3,
    title: 'EDR: ransomware',
    severity: 'critical',
    status: 'closed',
    verification: 'true_positive',
    rule: { id: 'api:edr', version: 2 },
    count: 4,
    firstSeenAt: 1000,
    lastSeenAt: 2000,
    owner: 42,
    labels: ['x', 1],
    closeReason: 'resolved',
    tactics: ['initial-access'],
    techniques: ['T1566'],
    entityKeys: ['host:ws01'],
    entities: [{ key: 'host:ws01', type: 'host', value: 'ws01', roles: ['target'] }, { type: 'host' }],
    eventIds: ['e-1'],
    activity: [
      { at: 5, actor: 'u-1', action: 'status_changed', field: 'status', before: 'open', after: 'closed' },
    ],
  });
  assert.ok(alert);
  assert.equal(alert.ruleId, 'api:edr');
  assert.equal(alert.ruleVersion, 2);
  assert.equal(alert.owner, undefined);
  assert.deepEqual(alert.labels, ['x']);
  assert.deepEqual(
    alert.entities.map((e) => e.key),
    ['host:ws01'],
  );
  assert.equal(alert.activity[0]?.after, 'closed');
  assert.equal(parseAlert({ title: 'no id' }), undefined);
  assert.deepEqual(
    parseAlerts([{ id: 'a' }, null, { id: 'b' }]).map((a) => [a.id, a.severity, a.status, a.count]),
    [
      ['a', 'medium', 'open', 1],
      ['b', 'medium', 'open', 1],
    ],
  );
});

test('labels and links', () => {
  assert.equal(label('in_progress'), 'In progress');
  assert.equal(label('detection_analysis'), 'Detection & analysis');
  assert.equal(label('made-up'), 'made-up');
  assert.equal(alertPath('default'), '/alerts?workspace=default');
  assert.equal(alertPath('ws a', 'a/1'), '/alerts/a%2F1?workspace=ws%20a');
  assert.equal(incidentPath('default', 'i-1'), '/incidents/i-1?workspace=default');
});
