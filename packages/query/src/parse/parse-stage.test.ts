import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery } from './parse-query.ts';
import type { QueryPlan, Stage } from '../ast/query-plan.ts';
import { formatPlan } from '../format/format-plan.ts';

function plan(q: string): QueryPlan {
  const r = parseQuery(q);
  assert.deepEqual(r.problems, [], `${q} should parse`);
  assert.ok(r.plan);
  return r.plan;
}

function stages(q: string): readonly Stage[] {
  return plan(q).stages;
}

function problems(q: string): [number | undefined, string][] {
  const r = parseQuery(q);
  assert.equal(r.plan, undefined, `${q} should not parse`);
  return r.problems.map((p) => [p.offset, p.message]);
}

test('where: same boolean syntax, applied to the rows of that stage', () => {
  assert.deepEqual(stages('| where user.name:alice AND http.response.status_code >= 400'), [
    {
      kind: 'where',
      offset: 2,
      expr: {
        kind: 'and',
        items: [
          { kind: 'eq', field: 'user.name', value: 'alice', offset: 8 },
          {
            kind: 'cmp',
            field: 'http.response.status_code',
            op: 'gte',
            value: { type: 'number', value: 400, text: '400' },
            offset: 28,
          },
        ],
      },
    },
  ]);
  assert.equal(
    formatPlan(plan('* | stats count() by host.name | where count() > 2')),
    '* | stats count() by host.name | where count() > 2',
  );
  assert.deepEqual(problems('| where'), [[7, 'expected a condition after "where", found end of query']]);
  assert.deepEqual(plan('| stats count() by host.name | sort -count() | where count() >= 2').stages[1], {
    kind: 'sort',
    offset: 31,
    keys: [{ field: 'count()', order: 'desc' }],
  });
  assert.deepEqual(problems('x | where count() > 5'), [
    [10, 'count() is not a column here: aggregation columns exist only after stats or timechart'],
  ]);
  // In the search part (and for other names) a call is not a column: `foo(x)` is text AND a group.
  assert.equal(formatPlan(plan('foo(x) | where foo (x)')), '"foo" AND "x" | where "foo" AND "x"');
});

test('fields: keep a list, or drop with "-"', () => {
  assert.deepEqual(stages('| fields host.name, user.name'), [
    { kind: 'fields', mode: 'keep', fields: ['host.name', 'user.name'], offset: 2 },
  ]);
  assert.deepEqual(stages('| fields - raw, message'), [
    { kind: 'fields', mode: 'drop', fields: ['raw', 'message'], offset: 2 },
  ]);
  assert.deepEqual(plan('| fields a, b').columns, ['a', 'b']);
  assert.deepEqual(problems('| fields'), [[8, 'expected a field name, found end of query']]);
  assert.deepEqual(problems('| fields a b'), [
    [11, 'expected "|" or end of query after "fields", found "b"'],
  ]);
  assert.deepEqual(problems('| fields a, b | where c:1'), [
    [22, 'unknown column "c" at this point; available: a, b'],
  ]);
});

test('sort: asc/desc words or a leading "-", several keys', () => {
  assert.deepEqual(stages('| sort @timestamp desc, host.name'), [
    {
      kind: 'sort',
      offset: 2,
      keys: [
        { field: '@timestamp', order: 'desc' },
        { field: 'host.name', order: 'asc' },
      ],
    },
  ]);
  assert.deepEqual(stages('| sort -a, b ASC'), [
    {
      kind: 'sort',
      offset: 2,
      keys: [
        { field: 'a', order: 'desc' },
        { field: 'b', order: 'asc' },
      ],
    },
  ]);
  assert.deepEqual(problems('| sort -a desc'), [
    [10, '"-" already sorts descending; drop "desc" or the "-"'],
  ]);
  assert.deepEqual(problems('| sort a,'), [[9, 'expected a field name, found end of query']]);
});

test('head: 1..10000, default 10', () => {
  assert.deepEqual(stages('| head 5'), [{ kind: 'head', count: 5, offset: 2 }]);
  assert.deepEqual(stages('| head'), [{ kind: 'head', count: 10, offset: 2 }]);
  assert.deepEqual(stages('| head 10000'), [{ kind: 'head', count: 10000, offset: 2 }]);
  assert.deepEqual(problems('| head 0'), [[7, 'head takes a whole number from 1 to 10000, found "0"']]);
  assert.deepEqual(problems('| head 10001'), [
    [7, 'head takes a whole number from 1 to 10000, found "10001"'],
  ]);
  assert.deepEqual(problems('| head -1'), [[7, 'head takes a whole number from 1 to 10000, found "-"']]);
  assert.deepEqual(problems('| head 1.5'), [[7, 'head takes a whole number from 1 to 10000, found "1.5"']]);
});

test('stats: aggregations with optional aliases and by-fields', () => {
  assert.deepEqual(
    stages('| stats count() as n, dc(user.name), sum(b), avg(b), min(b), max(b) by host.name, event.outcome'),
    [
      {
        kind: 'stats',
        offset: 2,
        aggregations: [
          { fn: 'count', name: 'n' },
          { fn: 'dc', field: 'user.name', name: 'dc(user.name)' },
          { fn: 'sum', field: 'b', name: 'sum(b)' },
          { fn: 'avg', field: 'b', name: 'avg(b)' },
          { fn: 'min', field: 'b', name: 'min(b)' },
          { fn: 'max', field: 'b', name: 'max(b)' },
        ],
        by: ['host.name', 'event.outcome'],
      },
    ],
  );
  assert.deepEqual(stages('| stats COUNT, count(user.name)'), [
    {
      kind: 'stats',
      offset: 2,
      aggregations: [
        { fn: 'count', name: 'count()' },
        { fn: 'count', field: 'user.name', name: 'count(user.name)' },
      ],
      by: [],
    },
  ]);
  assert.deepEqual(plan('| stats count() by host.name').columns, ['host.name', 'count()']);
  assert.deepEqual(problems('| stats'), [
    [7, 'expected an aggregation (count, dc, sum, avg, min, max), found end of query'],
  ]);
  assert.deepEqual(problems('| stats median(x)'), [
    [8, 'expected an aggregation (count, dc, sum, avg, min, max), found "median"'],
  ]);
  assert.deepEqual(problems('| stats dc()'), [[8, 'dc() needs a field, e.g. dc(user.name)']]);
  assert.deepEqual(problems('| stats sum'), [[11, 'expected "(" after "sum", found end of query']]);
  assert.deepEqual(problems('| stats count(x'), [
    [15, 'expected ")" to close "count(" opened at 13, found end of query'],
  ]);
  assert.deepEqual(problems('| stats count(), count()'), [
    [2, 'column "count()" is produced twice; rename one with "as"'],
  ]);
  assert.deepEqual(problems('| stats count() as h by h'), [
    [2, 'column "h" is produced twice; rename one with "as"'],
  ]);
  assert.deepEqual(problems('| stats count() by'), [[18, 'expected a field name, found end of query']]);
  assert.deepEqual(problems('| stats count() by a | sort b'), [
    [28, 'unknown column "b" at this point; available: a, count()'],
  ]);
});

test('timechart: span, aggregations, at most one by-field', () => {
  assert.deepEqual(stages('| timechart span=1h count() by host.name'), [
    {
      kind: 'timechart',
      offset: 2,
      span: '1h',
      spanMs: 3_600_000,
      aggregations: [{ fn: 'count', name: 'count()' }],
      by: 'host.name',
    },
  ]);
  assert.deepEqual(stages('| timechart span = 30s avg(b) as avg_bytes'), [
    {
      kind: 'timechart',
      offset: 2,
      span: '30s',
      spanMs: 30_000,
      aggregations: [{ fn: 'avg', field: 'b', name: 'avg_bytes' }],
    },
  ]);
  assert.deepEqual(plan('| timechart span=1d count() by host.name').columns, [
    '@timestamp',
    'host.name',
    'count()',
  ]);
  assert.deepEqual(problems('| timechart count()'), [
    [12, 'expected span=<duration> after "timechart" (e.g. span=1h), found "count"'],
  ]);
  assert.deepEqual(problems('| timechart span=1w count()'), [
    [17, 'expected a span such as 30s, 5m, 1h or 1d after "span=", found "1w"'],
  ]);
  assert.deepEqual(problems('| timechart span=0s count()'), [
    [17, 'expected a span such as 30s, 5m, 1h or 1d after "span=", found "0s"'],
  ]);
  assert.deepEqual(problems('| timechart span=1h count() by a, b'), [
    [28, 'timechart takes at most one "by" field'],
  ]);
  assert.deepEqual(problems('| stats count() | timechart span=1h count()'), [
    [18, 'timechart needs @timestamp, which an earlier stage removed'],
  ]);
  assert.equal(
    plan('| fields @timestamp, host.name | timechart span=1h count() by host.name').stages.length,
    2,
  );
  assert.equal(plan('| timechart span=1h count() | timechart span=1d max(count())').stages.length, 2);
});

test('unknown commands and stray tokens', () => {
  assert.deepEqual(problems('x | grep y'), [
    [4, 'unknown command "grep"; expected one of where, fields, sort, head, stats, timechart'],
  ]);
  assert.deepEqual(problems('x |'), [[3, 'expected a command after "|", found end of query']]);
  assert.deepEqual(problems('x | head 1 2'), [[11, 'expected "|" or end of query after "head", found "2"']]);
  const many = `x${' | head 1'.repeat(33)}`;
  assert.deepEqual(problems(many), [[many.lastIndexOf('|'), 'a query may have at most 32 stages']]);
});

test('plans print as canonical text that parses back to the same plan', () => {
  const queries = [
    'process.name:(cmd.exe OR powershell.exe) -user.name:SYSTEM | stats count() as n, dc(host.name) by user.name | where n >= 2 | sort -n, user.name | head 5',
    'source.ip:10.0.0.0/8 OR source.ip:2001:db8::/32 | fields @timestamp, source.ip',
    '"failed password" @timestamp:[2026-01-01 TO now-1h} | timechart span=5m count() by host.name',
    'x:{1 TO *] NOT (a:* OR b:"c\\*d?") | fields - raw',
  ];
  const strip = (p: QueryPlan) =>
    JSON.parse(
      JSON.stringify({ ...p, source: '' }, (k, v: unknown) => (k === 'offset' ? undefined : v)),
    ) as unknown;
  for (const q of queries) {
    const p = plan(q);
    const again = plan(formatPlan(p));
    assert.deepEqual(strip(again), strip(p), q);
  }
});
