import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { correlationFixture } from './correlation-fixture.ts';
import type { FixtureMatch } from './correlation-fixture.ts';
import { suppressedRuleRefs } from './suppressed-rule-refs.ts';

const failedLogins = (condition: string, timespan = '1m'): string => `
title: Failed logins
id: many-failed
name: many_failed_logins
level: high
correlation:
  type: event_count
  rules: [failed_login]
  group-by: [User]
  timespan: ${timespan}
  condition: ${condition}
`;

const logins = (user: string, times: number[], rule = 'failed_login'): FixtureMatch[] =>
  times.map((at) => ({ rule, at, fields: { User: user } }));

describe('CorrelationEngine re-firing', () => {
  test('a hit consumes its matches: the group must fill up again to fire again', () => {
    const f = correlationFixture(failedLogins('{gte: 3}'));
    const hits = f.feed(logins('bob', [0, 1, 2, 3, 4, 5, 6]));
    assert.deepEqual(
      hits.map((h) => h.eventIndexes),
      [
        [0, 1, 2],
        [3, 4, 5],
      ],
    );
    assert.equal(hits[0]?.level, 'high');
  });

  test('a match counted by two referenced rules counts once', () => {
    const f = correlationFixture(failedLogins('{gte: 2}').replace('[failed_login]', '[failed_login, other]'));
    const match = { eventIndex: 7, time: 0, event: { User: 'bob' } };
    assert.deepEqual(f.engine.onMatch({ ...match, ruleId: 'failed_login' }), []);
    assert.deepEqual(f.engine.onMatch({ ...match, ruleId: 'other' }), []);
    assert.equal(f.engine.onMatch({ ...match, eventIndex: 8, ruleId: 'other' }).length, 1);
  });

  test('references a rule by name as well as by id', () => {
    const f = correlationFixture(failedLogins('{gte: 2}'));
    const hits = f.feed([
      { rule: 'uuid-1', name: 'failed_login', at: 0, fields: { User: 'bob' } },
      { rule: 'uuid-1', name: 'failed_login', at: 1, fields: { User: 'bob' } },
    ]);
    assert.equal(hits.length, 1);
  });

  test('EventID-like values group together whether number or string', () => {
    const f = correlationFixture(failedLogins('{gte: 2}'));
    const hits = f.feed([
      { rule: 'failed_login', at: 0, fields: { User: 4625 } },
      { rule: 'failed_login', at: 1, fields: { User: '4625' } },
    ]);
    assert.deepEqual(hits[0]?.group, { User: 4625 });
  });
});

describe('CorrelationEngine range conditions', () => {
  test('gte+lt is judged when the window is complete, not on the first match', () => {
    const f = correlationFixture(failedLogins('{gte: 3, lt: 5}'));
    assert.deepEqual(f.feed(logins('bob', [0, 10, 20, 30])), []);
    // Event time passes the end of bob's window (0 + 60 s): 4 matches, within [3, 5).
    const hits = f.feed(logins('eve', [61]));
    assert.deepEqual(
      hits.map((h) => [h.group, h.eventIndexes, h.time]),
      [[{ User: 'bob' }, [0, 1, 2, 3], 30_000]],
    );
  });

  test('a window over the upper bound does not fire', () => {
    const f = correlationFixture(failedLogins('{gte: 3, lt: 5}'));
    assert.deepEqual([...f.feed(logins('bob', [0, 10, 20, 30, 40])), ...f.engine.flush()], []);
  });

  test('windows tumble from the oldest pending match', () => {
    const f = correlationFixture(failedLogins('{gte: 2, lte: 2}'));
    const hits = [...f.feed(logins('bob', [0, 30, 100, 200, 250])), ...f.engine.flush()];
    assert.deepEqual(
      hits.map((h) => h.eventIndexes),
      [
        [0, 1],
        [3, 4],
      ],
    );
  });

  test('complete windows wait for the lateness before they are judged', () => {
    const f = correlationFixture(failedLogins('{lt: 3}'), { latenessMs: 30_000 });
    assert.deepEqual(f.feed(logins('bob', [0])), []);
    assert.deepEqual(f.feed(logins('eve', [70])), []); // 70 - 30 < 60: a late bob match could still come
    assert.deepEqual(f.feed(logins('bob', [45])), []); // and does
    const hits = f.feed(logins('eve', [100]));
    assert.deepEqual(
      hits.map((h) => [h.group, h.eventIndexes]),
      [[{ User: 'bob' }, [0, 2]]],
    );
  });
});

describe('CorrelationEngine state', () => {
  test('expired groups are dropped as event time advances and old matches are not kept', () => {
    const f = correlationFixture(failedLogins('{gte: 1000}'));
    for (let i = 0; i < 50; i++) f.feed(logins(`user${i}`, [i]));
    f.feed(logins('late', [500]));
    const stats = f.engine.stats();
    assert.equal(stats.groups, 1);
    assert.equal(stats.expiredGroups, 50);
    f.feed(
      logins(
        'late',
        Array.from({ length: 2000 }, (_, i) => 1000 + i),
      ),
    );
    assert.ok(f.engine.stats().entries <= 61 + 64, `entries ${f.engine.stats().entries}`);
  });
});

describe('aliases', () => {
  const yaml = `
title: Error then connection
id: err-conn
correlation:
  type: temporal
  rules: [internal_error, new_network_connection]
  group-by: [internal_ip, remote_ip]
  timespan: 10s
  aliases:
    internal_ip:
      internal_error: destination.ip
      new_network_connection: source.ip
    remote_ip:
      internal_error: source.ip
      new_network_connection: destination.ip
`;

  test('map differently named fields of two rules onto one group', () => {
    const f = correlationFixture(yaml);
    const hits = f.feed([
      { rule: 'internal_error', at: 0, fields: { 'destination.ip': '10.0.0.1', 'source.ip': '1.2.3.4' } },
      {
        rule: 'new_network_connection',
        at: 3,
        fields: { 'source.ip': '10.0.0.9', 'destination.ip': '1.2.3.4' },
      },
      {
        rule: 'new_network_connection',
        at: 5,
        fields: { 'source.ip': '10.0.0.1', 'destination.ip': '1.2.3.4' },
      },
    ]);
    assert.deepEqual(
      hits.map((h) => [h.group, h.eventIndexes]),
      [[{ internal_ip: '10.0.0.1', remote_ip: '1.2.3.4' }, [0, 2]]],
    );
  });

  test('resolve by rule id when the alias names the id', () => {
    const f = correlationFixture(yaml);
    const hits = f.feed([
      { rule: 'id-e', name: 'internal_error', at: 0, fields: { 'destination.ip': 'a', 'source.ip': 'b' } },
      {
        rule: 'id-n',
        name: 'new_network_connection',
        at: 1,
        fields: { 'source.ip': 'a', 'destination.ip': 'b' },
      },
    ]);
    assert.equal(hits.length, 1);
  });
});

describe('chained correlations', () => {
  const yaml = `${failedLogins('{gte: 3}')}
---
title: Brute force then success
id: brute-success
correlation:
  type: temporal_ordered
  rules: [many_failed_logins, successful_login]
  group-by: [User]
  timespan: 5m
level: critical
`;

  test("an inner correlation's hits feed the outer one with their group values", () => {
    const f = correlationFixture(yaml);
    const hits = f.feed([
      ...logins('bob', [0, 5, 10]),
      ...logins('eve', [11, 12]),
      ...logins('bob', [100], 'successful_login'),
      ...logins('eve', [101], 'successful_login'),
    ]);
    // The inner hit is not emitted: it is referenced by a non-generating correlation.
    assert.deepEqual(hits, [
      {
        ruleId: 'brute-success',
        ruleTitle: 'Brute force then success',
        level: 'critical',
        type: 'temporal_ordered',
        group: { User: 'bob' },
        eventIndexes: [0, 1, 2, 5],
        time: 100_000,
      },
    ]);
  });

  test('the order matters: success before the brute force does not fire', () => {
    const f = correlationFixture(yaml);
    const hits = f.feed([...logins('bob', [0], 'successful_login'), ...logins('bob', [5, 6, 7])]);
    assert.deepEqual(hits, []);
  });

  test('emitSuppressed also returns the inner hits', () => {
    const f = correlationFixture(yaml, { emitSuppressed: true });
    const hits = f.feed([...logins('bob', [0, 1, 2]), ...logins('bob', [3], 'successful_login')]);
    assert.deepEqual(
      hits.map((h) => h.ruleId),
      ['many-failed', 'brute-success'],
    );
  });

  test('suppressedRuleRefs lists rules referenced only by non-generating correlations', () => {
    const f = correlationFixture(`${yaml}
---
title: Generating
correlation:
  type: event_count
  rules: [successful_login, other]
  timespan: 1h
  condition: {gte: 1}
  generate: true
`);
    assert.deepEqual([...suppressedRuleRefs(f.rules)].sort(), ['failed_login', 'many_failed_logins']);
    const byId = suppressedRuleRefs(f.rules, [{ id: 'uuid-f', name: 'failed_login' }]);
    assert.ok(byId.has('failed_login'));
  });
});
