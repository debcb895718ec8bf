import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, sequentialIds } from '@vigil/core';
// Type-only: proves the sigma package's shapes fit without a runtime dependency.
import type { CorrelationHit, CorrelationRule, RuleInfo } from '../../../sigma/src/index.ts';
import { sshdFailedPassword, sysmonProcessCreation } from '../fixtures/ecs-events.ts';
import { alertFromDetection } from './alert-from-detection.ts';
import { detectionFromCorrelationHit, detectionFromRuleMatch } from './detection-from-sigma.ts';

const ctx = { ids: sequentialIds('a'), clock: new ManualClock() };

test('a Sigma RuleInfo match becomes a detection and an alert', () => {
  const rule: RuleInfo = {
    index: 0,
    id: 'wscript-vbs',
    title: 'WScript launcher',
    level: 'high',
    file: 'rules/x.yml',
    logsource: { product: 'windows', category: 'process_creation' },
    tags: ['attack.execution', 'attack.t1059.005'],
    routed: true,
  };
  const event = sysmonProcessCreation();
  const d = detectionFromRuleMatch('ws1', rule, event, Date.parse('2020-09-04T20:09:55.035Z'), 7);
  assert.deepEqual(d.rule, {
    id: 'wscript-vbs',
    title: 'WScript launcher',
    tags: ['attack.execution', 'attack.t1059.005'],
    version: 7,
    level: 'high',
    logsource: { product: 'windows', category: 'process_creation' },
  });
  const alert = alertFromDetection(d, ctx);
  assert.deepEqual(alert.rule, { id: 'wscript-vbs', version: 7 });
  assert.deepEqual(alert.tactics, ['execution']);
});

test('a Sigma CorrelationHit becomes a correlation detection with its events and group', () => {
  const events = [sshdFailedPassword('e0'), sshdFailedPassword('e1'), sshdFailedPassword('e2')];
  const hit: CorrelationHit = {
    ruleId: 'ssh-brute',
    ruleTitle: 'SSH brute force',
    level: 'medium',
    type: 'event_count',
    group: { 'source.ip': '203.0.113.77' },
    eventIndexes: [0, 2, 9],
    time: Date.parse('2025-03-03T09:15:40.000Z'),
  };
  const rule: Pick<CorrelationRule, 'id' | 'title' | 'level' | 'tags' | 'description'> = {
    id: 'ssh-brute',
    title: 'SSH brute force',
    tags: ['attack.credential_access', 'attack.t1110'],
    description: 'many failures',
  };
  const d = detectionFromCorrelationHit('ws1', hit, (i) => events[i], rule, { eventIds: ['e9'] });
  assert.equal(d.kind, 'correlation');
  assert.equal(d.correlationType, 'event_count');
  assert.equal(d.events.length, 2);
  assert.equal(d.rule.level, 'medium');
  const alert = alertFromDetection(d, ctx);
  assert.deepEqual(alert.eventIds, ['e9', 'e0', 'e2']);
  assert.equal(alert.description, 'many failures');
  assert.equal(alert.dedupKey, 'ssh-brute|host.name=bastion|user.name=root');
});
