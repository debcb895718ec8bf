// The behaviours every correlation type must have, run for each type: in-window fires,
// out-of-window does not, late matches within lateness count, later ones are dropped and
// counted, and groups stay apart.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { correlationFixture } from './correlation-fixture.ts';
import type { FixtureMatch } from './correlation-fixture.ts';

interface Scenario {
  yaml: string;
  /** Matches needed for a hit, in event-time order. */
  needed: (host: string) => Omit<FixtureMatch, 'at'>[];
  /** Spacing (s) that keeps them within the 10 s timespan, and one that does not. */
  inside: number;
  outside: number;
  /** A range condition the in-window matches satisfy, and one they do not. */
  ranges: [string, string];
}

const head = (type: string, condition: string, rules = '[a]'): string =>
  `title: t\nid: corr\ncorrelation:\n  type: ${type}\n  rules: ${rules}\n  group-by: [host]\n  timespan: 10s\n${condition}`;

/** The scenario's rule with `condition` in place of its own. */
const withCondition = (yaml: string, condition: string): string =>
  `${yaml.replace(/\n {2}condition:.*$/, '')}\n  condition: ${condition}`;

/**
 * The scenario's rule over two rules whose events name the host differently (src.host in a,
 * dst.host in b), grouped by the alias `machine`; and its matches alternating between a and b.
 */
function aliased(s: Scenario, host: string): { yaml: string; matches: Omit<FixtureMatch, 'at'>[] } {
  const yaml = `${s.yaml.replace('rules: [a]', 'rules: [a, b]').replace('group-by: [host]', 'group-by: [machine]')}
  aliases:
    machine: {a: src.host, b: dst.host, c: dst.host}`;
  const single = s.yaml.includes('rules: [a]');
  const matches = s.needed(host).map((m, i) => {
    const rule = single && i % 2 === 1 ? 'b' : m.rule;
    const { host: h, ...rest } = m.fields ?? {};
    return { rule, fields: { ...rest, [rule === 'a' ? 'src.host' : 'dst.host']: h } };
  });
  return { yaml, matches };
}

const scenarios: Record<string, Scenario> = {
  event_count: {
    yaml: head('event_count', '  condition: {gte: 3}'),
    needed: (host) => [0, 1, 2].map(() => ({ rule: 'a', fields: { host } })),
    inside: 4,
    outside: 6,
    ranges: ['{gte: 3, lt: 4}', '{gte: 1, lt: 3}'],
  },
  value_count: {
    yaml: head('value_count', '  condition: {field: user, gte: 3}'),
    needed: (host) => ['u1', 'u2', 'u3'].map((user) => ({ rule: 'a', fields: { host, user } })),
    inside: 4,
    outside: 6,
    ranges: ['{field: user, gte: 3, lt: 4}', '{field: user, gte: 1, lt: 3}'],
  },
  temporal: {
    yaml: head('temporal', '', '[a, b, c]'),
    needed: (host) => ['c', 'a', 'b'].map((rule) => ({ rule, fields: { host } })),
    inside: 4,
    outside: 6,
    ranges: ['{gte: 3, lt: 4}', '{gte: 1, lt: 3}'],
  },
  temporal_ordered: {
    yaml: head('temporal_ordered', '', '[a, b, c]'),
    needed: (host) => ['a', 'b', 'c'].map((rule) => ({ rule, fields: { host } })),
    inside: 4,
    outside: 6,
    ranges: ['{gte: 3, lte: 3}', '{gte: 1, lt: 3}'],
  },
  value_sum: {
    yaml: head('value_sum', '  condition: {field: bytes, gte: 300}'),
    needed: (host) => [100, 100, 100].map((bytes) => ({ rule: 'a', fields: { host, bytes } })),
    inside: 4,
    outside: 6,
    ranges: ['{field: bytes, gte: 300, lt: 301}', '{field: bytes, gte: 100, lt: 300}'],
  },
  value_avg: {
    yaml: head('value_avg', '  condition: {field: bytes, gt: 40, lt: 60}'),
    needed: (host) => [100, 0].map((bytes) => ({ rule: 'a', fields: { host, bytes } })),
    inside: 5,
    outside: 15,
    ranges: ['{field: bytes, gte: 50, lt: 51}', '{field: bytes, gte: 51, lt: 100}'],
  },
  value_percentile: {
    yaml: head('value_percentile', '  condition: {field: bytes, percentile: 50, gt: 40, lt: 60}'),
    needed: (host) => [100, '0'].map((bytes) => ({ rule: 'a', fields: { host, bytes } })),
    inside: 5,
    outside: 15,
    ranges: [
      '{field: bytes, percentile: 50, gte: 50, lt: 51}',
      '{field: bytes, percentile: 100, gte: 0, lt: 100}',
    ],
  },
};

function timed(matches: Omit<FixtureMatch, 'at'>[], spacing: number): FixtureMatch[] {
  return matches.map((m, i) => ({ ...m, at: 1000 + i * spacing }));
}

for (const [type, s] of Object.entries(scenarios)) {
  describe(`${type} correlation`, () => {
    test('fires when the matches fall within the timespan', () => {
      const f = correlationFixture(s.yaml);
      const hits = [...f.feed(timed(s.needed('h1'), s.inside)), ...f.engine.flush()];
      assert.equal(hits.length, 1);
      const n = s.needed('h1').length;
      assert.deepEqual(hits[0], {
        ruleId: 'corr',
        ruleTitle: 't',
        level: 'medium',
        type,
        group: { host: 'h1' },
        eventIndexes: [...Array(n).keys()],
        time: (1000 + (n - 1) * s.inside) * 1000,
      });
    });

    test('does not fire when the matches are further apart than the timespan', () => {
      const f = correlationFixture(s.yaml);
      const hits = [...f.feed(timed(s.needed('h1'), s.outside)), ...f.engine.flush()];
      assert.deepEqual(hits, []);
    });

    test('counts a match that arrives out of order within the lateness', () => {
      const f = correlationFixture(s.yaml, { latenessMs: 20_000 });
      const matches = timed(s.needed('h1'), s.inside).reverse();
      const hits = [...f.feed(matches), ...f.engine.flush()];
      assert.equal(hits.length, 1);
      assert.equal(f.engine.stats().lateDropped, 0);
    });

    test('drops and counts a match later than the lateness', () => {
      const f = correlationFixture(s.yaml, { latenessMs: 1_000 });
      const matches = timed(s.needed('h1'), s.inside).reverse();
      const hits = [...f.feed(matches), ...f.engine.flush()];
      assert.deepEqual(hits, []);
      assert.equal(f.engine.stats().lateDropped, matches.length - 1);
    });

    test('keeps groups apart', () => {
      const f = correlationFixture(s.yaml);
      const mixed = s
        .needed('h1')
        .map((m, i) => ({ ...m, fields: { ...m.fields, host: i % 2 === 0 ? 'h1' : 'h2' } }));
      assert.deepEqual([...f.feed(timed(mixed, s.inside)), ...f.engine.flush()], []);
      const hits = [
        ...f.feed(timed(s.needed('h2'), s.inside).map((m) => ({ ...m, at: m.at + 100 }))),
        ...f.engine.flush(),
      ];
      assert.deepEqual(
        hits.map((h) => h.group),
        [{ host: 'h2' }],
      );
    });

    test('groups by an alias naming a different field in each rule', () => {
      const { yaml, matches } = aliased(s, 'h1');
      const f = correlationFixture(yaml);
      const hits = [...f.feed(timed(matches, s.inside)), ...f.engine.flush()];
      assert.deepEqual(
        hits.map((h) => h.group),
        [{ machine: 'h1' }],
      );
      const other = aliased(s, 'h2').matches.map((m, i) =>
        i === 0 ? m : { ...m, fields: { ...m.fields, 'src.host': 'h2', 'dst.host': 'h3' } },
      );
      const g = correlationFixture(yaml);
      assert.deepEqual([...g.feed(timed(other, s.inside)), ...g.engine.flush()], []);
    });

    test('range conditions (gte + lt) fire only inside the range', () => {
      const [fits, misses] = s.ranges;
      const f = correlationFixture(withCondition(s.yaml, fits));
      assert.equal([...f.feed(timed(s.needed('h1'), s.inside)), ...f.engine.flush()].length, 1);
      const g = correlationFixture(withCondition(s.yaml, misses));
      assert.deepEqual([...g.feed(timed(s.needed('h1'), s.inside)), ...g.engine.flush()], []);
    });

    test('feeds its hits to a correlation that references it', () => {
      const outer = `title: outer\nid: outer\nlevel: high\ncorrelation:\n  type: event_count\n  rules: [corr]\n  group-by: [host]\n  timespan: 1h\n  condition: {gte: 1}`;
      const f = correlationFixture(`${s.yaml}\n---\n${outer}`);
      const hits = [...f.feed(timed(s.needed('h1'), s.inside)), ...f.engine.flush()];
      const n = s.needed('h1').length;
      assert.deepEqual(
        hits.map((h) => [h.ruleId, h.group, h.eventIndexes]),
        [['outer', { host: 'h1' }, [...Array(n).keys()]]],
      );
    });

    test('skips and counts matches without the group-by field', () => {
      const f = correlationFixture(s.yaml);
      const bare = s.needed('h1').map((m) => ({ ...m, fields: { ...m.fields, host: null } }));
      assert.deepEqual([...f.feed(timed(bare, s.inside)), ...f.engine.flush()], []);
      assert.equal(f.engine.stats().missingGroupBy, bare.length);
    });

    test('evicts the least recently updated group beyond maxGroupsPerRule and counts it', () => {
      const f = correlationFixture(s.yaml, { maxGroupsPerRule: 2 });
      const [first, ...rest] = s.needed('h1');
      assert.ok(first !== undefined);
      f.feed([{ ...first, at: 1000 }]);
      f.feed([{ rule: 'x', at: 1001 }]); // unrelated rule: ignored
      f.feed(['h2', 'h3'].map((host) => ({ ...first, fields: { ...first.fields, host }, at: 1001 })));
      assert.equal(f.engine.stats().evictedGroups, 1);
      assert.equal(f.engine.stats().groups, 2);
      // h1's first match was forgotten: the rest alone do not fire.
      const hits = [...f.feed(rest.map((m, i) => ({ ...m, at: 1002 + i }))), ...f.engine.flush()];
      assert.deepEqual(hits, []);
    });
  });
}
