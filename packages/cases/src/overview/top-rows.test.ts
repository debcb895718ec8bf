import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleAlert } from '../fixtures/overview-samples.ts';
import { topEntities } from './top-entities.ts';
import { topRules } from './top-rules.ts';

const alerts = [
  sampleAlert('a1', {
    rule: { id: 'r-ps' },
    title: 'old title',
    count: 3,
    createdAt: 1,
    entityRefs: [
      ['host', 'ws01'],
      ['user', 'alice'],
    ],
  }),
  sampleAlert('a2', {
    rule: { id: 'r-ps' },
    title: 'Encoded PowerShell',
    severity: 'high',
    count: 1,
    createdAt: 2,
    entityRefs: [['host', 'ws01']],
  }),
  sampleAlert('a3', {
    rule: { id: 'r-brute' },
    count: 10,
    createdAt: 3,
    entityRefs: [
      ['ip', '10.0.0.9'],
      ['ip', '10.0.0.9'],
    ],
  }),
  sampleAlert('a4', { rule: { id: 'r-scan' }, count: 10, createdAt: 4, entityRefs: [['user', 'alice']] }),
];

test('top rules: most alerts, then hits, then id; newest title and highest severity', () => {
  const rows = topRules(alerts);
  assert.deepEqual(
    rows.map((r) => [r.ruleId, r.alerts, r.hits]),
    [
      ['r-ps', 2, 4],
      ['r-brute', 1, 10],
      ['r-scan', 1, 10],
    ],
  );
  assert.equal(rows[0]?.title, 'Encoded PowerShell');
  assert.equal(rows[0]?.severity, 'high');
  assert.equal(rows[0]?.manual, false);
  const handMade = topRules([...alerts, sampleAlert('a5', { rule: { id: 'r-scan' }, source: 'api' })]);
  assert.equal(
    handMade.find((r) => r.ruleId === 'r-scan')?.manual,
    true,
    'one hand-made alert marks the row',
  );
  assert.equal(topRules(alerts, 1).length, 1);
  assert.equal(topRules(alerts, 10_000).length, 3);
});

test('top entities: an alert counts once per entity, bounded', () => {
  const rows = topEntities(alerts);
  assert.deepEqual(
    rows.map((r) => [r.key, r.alerts, r.hits]),
    [
      ['user:alice', 2, 13],
      ['host:ws01', 2, 4],
      ['ip:10.0.0.9', 1, 10],
    ],
  );
  assert.equal(rows[0]?.type, 'user');
  assert.equal(topEntities(alerts, 2).length, 2);
});
