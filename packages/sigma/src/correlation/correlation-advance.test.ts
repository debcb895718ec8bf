import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { correlationFixture } from './correlation-fixture.ts';

const fewLogins = `
title: Too few logins
id: few-logins
level: medium
correlation:
  type: value_count
  rules: [login]
  group-by: [Host]
  timespan: 1m
  condition:
    field: User
    lt: 2
`;

describe('CorrelationEngine.advance (idle flush)', () => {
  test('a window judged at its end fires when event time is advanced past it, without later matches', () => {
    const f = correlationFixture(fewLogins, { latenessMs: 10_000 });
    assert.deepEqual(f.feed([{ rule: 'login', at: 0, fields: { Host: 'h1', User: 'bob' } }]), []);
    // The window [0 s, 60 s] is complete only once event time passes 60 s plus the lateness.
    assert.deepEqual(f.engine.advance(65_000), []);
    assert.equal(f.engine.stats().groups, 1);
    const hits = f.engine.advance(70_001);
    assert.deepEqual(
      hits.map((h) => [h.ruleId, h.group, h.eventIndexes, h.time]),
      [['few-logins', { Host: 'h1' }, [0], 0]],
    );
    assert.equal(f.engine.stats().groups, 0);
    assert.equal(f.engine.eventTime, 70_001);
  });

  test('advancing never moves event time back and makes older matches late', () => {
    const f = correlationFixture(fewLogins, { latenessMs: 10_000 });
    f.feed([{ rule: 'login', at: 100, fields: { Host: 'h1', User: 'bob' } }]);
    assert.deepEqual(f.engine.advance(50_000), []);
    assert.equal(f.engine.eventTime, 100_000);
    f.engine.advance(200_000);
    assert.deepEqual(f.feed([{ rule: 'login', at: 189, fields: { Host: 'h2', User: 'eve' } }]), []);
    assert.equal(f.engine.stats().lateDropped, 1);
  });

  test('a window that met the condition eagerly is not fired again by advancing', () => {
    const f = correlationFixture(fewLogins.replace('lt: 2', 'gte: 2'));
    const hits = f.feed([
      { rule: 'login', at: 0, fields: { Host: 'h1', User: 'bob' } },
      { rule: 'login', at: 1, fields: { Host: 'h1', User: 'eve' } },
    ]);
    assert.equal(hits.length, 1);
    assert.deepEqual(f.engine.advance(3_600_000), []);
    assert.equal(f.engine.stats().groups, 0, 'the expired group is dropped');
  });
});
