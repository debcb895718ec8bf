import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoredRule } from '../rules/stored-rule.ts';
import { logsourceLabel, ruleCoverageInputs } from './rule-coverage-inputs.ts';

const stored = (over: Partial<StoredRule> & Pick<StoredRule, 'id'>): StoredRule => ({
  type: 'rule',
  title: over.id,
  tags: [],
  file: `rules/${over.id}.yml`,
  text: '',
  sha256: '',
  ruleVersion: 1,
  enabled: true,
  importedAt: 0,
  ...over,
});

test('logsources become labels with the last time any of their route keys was seen', () => {
  const [proc, cloud, odd] = ruleCoverageInputs(
    [
      stored({ id: 'p', logsource: { product: 'windows', category: 'process_creation' } }),
      stored({ id: 'c', logsource: { product: 'aws', service: 'cloudtrail' } }),
      stored({ id: 'o', logsource: { product: 'windows', category: 'no_such_category' } }),
    ],
    { 'w:security:4688': 50, 'w:microsoft-windows-sysmon/operational:1': 40 },
    new Map([['p', { hits: 3, lastHit: 99 }]]),
    [{ file: 'rules/c.yml', reason: 'compile error: bad regex' }],
  );
  assert.deepEqual(proc?.data, [{ logsource: 'windows/process_creation', routed: true, lastSeen: 50 }]);
  assert.equal(proc?.hits, 3);
  assert.equal(proc?.lastHit, 99);
  assert.deepEqual(cloud?.data, [{ logsource: 'aws/cloudtrail', routed: true }]);
  assert.deepEqual(cloud?.errors, ['compile error: bad regex']);
  assert.equal(cloud?.hits, 0);
  assert.deepEqual(odd?.data, [{ logsource: 'windows/no_such_category', routed: false }]);
  assert.equal(logsourceLabel({}), '*');
});

test('a correlation needs the data of the rules it references; filters are not detections', () => {
  const inputs = ruleCoverageInputs(
    [
      stored({ id: 'failed', name: 'failed_logon', logsource: { product: 'windows', service: 'security' } }),
      stored({ id: 'net', logsource: { product: 'windows', category: 'network_connection' } }),
      stored({
        id: 'corr',
        type: 'correlation',
        tags: ['attack.t1110'],
        references: ['failed_logon', 'net', 'gone'],
      }),
      stored({ id: 'filt', type: 'filter', references: ['failed'] }),
    ],
    { 'w:security': 7 },
    new Map(),
    [],
  );
  assert.deepEqual(
    inputs.map((i) => i.id),
    ['failed', 'net', 'corr'],
  );
  assert.deepEqual(inputs[2]?.data, [
    { logsource: 'windows/security', routed: true, lastSeen: 7 },
    { logsource: 'windows/network_connection', routed: true },
  ]);
  assert.equal(inputs[2]?.level, 'medium');
});
