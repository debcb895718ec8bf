import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getField } from '@vigil/core';
import type { EventFilter } from '@vigil/core';
import { parseQuery } from '../parse/parse-query.ts';
import { toEventFilter } from './to-event-filter.ts';
import { eventTimeBounds } from './event-time-bounds.ts';
import { compileExpr } from '../match/compile-expr.ts';
import type { Row } from '../match/compile-expr.ts';
import { fixtureEvents } from '../testing/fixture-events.ts';
import type { QueryExpr } from '../ast/query-expr.ts';

function search(q: string): QueryExpr {
  const r = parseQuery(q);
  assert.deepEqual(r.problems, []);
  assert.ok(r.plan);
  return r.plan.search;
}

/** Core's EventFilter semantics as the SQLite/PostgreSQL adapters implement them (exact-case eq). */
function matchesFilter(f: EventFilter, row: Row): boolean {
  if ('and' in f) return f.and.every((x) => matchesFilter(x, row));
  if ('or' in f) return f.or.some((x) => matchesFilter(x, row));
  if ('not' in f) return !matchesFilter(f.not, row);
  const raw = getField(row, f.field);
  if (f.op === 'exists') return raw !== undefined && raw !== null;
  const els = Array.isArray(raw) ? (raw as unknown[]) : raw === undefined || raw === null ? [] : [raw];
  const eq = (v: unknown, w: unknown) =>
    v === w ||
    (typeof w === 'number' && v === String(w)) ||
    (typeof w === 'string' && typeof v === 'number' && String(v) === w);
  return els.some((v) => {
    switch (f.op) {
      case 'eq':
        return eq(v, f.value);
      case 'neq':
        return !eq(v, f.value);
      case 'in':
        return f.values.some((w) => eq(v, w));
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte': {
        if (typeof f.value !== typeof v) return false;
        const c = (v as number | string) < f.value ? -1 : (v as number | string) > f.value ? 1 : 0;
        return f.op === 'gt' ? c > 0 : f.op === 'gte' ? c >= 0 : f.op === 'lt' ? c < 0 : c <= 0;
      }
      case 'contains':
        return typeof v === 'string' && v.toLowerCase().includes(f.value.toLowerCase());
      case 'prefix':
        return typeof v === 'string' && v.toLowerCase().startsWith(f.value.toLowerCase());
      case 'suffix':
        return typeof v === 'string' && v.toLowerCase().endsWith(f.value.toLowerCase());
      default:
        return false;
    }
  });
}

test('exact conversions', () => {
  assert.deepEqual(toEventFilter(search('event.code:4688')), {
    filter: { field: 'event.code', op: 'eq', value: '4688' },
    exact: true,
    unsupported: [],
  });
  assert.deepEqual(toEventFilter(search('source.ip:(10.0.0.1 OR 10.0.0.2) AND NOT x:*')).filter, {
    and: [
      { field: 'source.ip', op: 'in', values: ['10.0.0.1', '10.0.0.2'] },
      { not: { field: 'x', op: 'exists' } },
    ],
  });
  assert.deepEqual(toEventFilter(search('process.name:power*')).filter, {
    field: 'process.name',
    op: 'prefix',
    value: 'power',
  });
  assert.deepEqual(toEventFilter(search('process.name:*.exe')).filter, {
    field: 'process.name',
    op: 'suffix',
    value: '.exe',
  });
  assert.deepEqual(toEventFilter(search('process.command_line:"*-enc*"')).filter, {
    field: 'process.command_line',
    op: 'contains',
    value: '-enc',
  });
  assert.deepEqual(toEventFilter(search('user.name:[a TO m}')), {
    filter: {
      and: [
        { field: 'user.name', op: 'gte', value: 'a' },
        { field: 'user.name', op: 'lt', value: 'm' },
      ],
    },
    exact: true,
    unsupported: [],
  });
  assert.deepEqual(toEventFilter(search('*')), { filter: { and: [] }, exact: true, unsupported: [] });
});

test('inexact conversions give a superset and name the conditions left over', () => {
  const cased = toEventFilter(search('user.name:Alice'));
  assert.equal(cased.exact, false);
  assert.deepEqual(cased.filter, {
    and: [
      { field: 'user.name', op: 'prefix', value: 'Alice' },
      { field: 'user.name', op: 'suffix', value: 'Alice' },
    ],
  });
  const mixed = toEventFilter(search('event.code:4688 "failed" source.ip:10.0.0.0/8'));
  assert.equal(mixed.exact, false);
  assert.deepEqual(
    mixed.unsupported.map((u) => u.kind),
    ['text', 'cidr'],
  );
  assert.deepEqual(mixed.filter, {
    and: [
      { field: 'event.code', op: 'eq', value: '4688' },
      { field: 'source.ip', op: 'exists' },
    ],
  });
  // Under NOT an unsupported condition cannot narrow anything.
  assert.deepEqual(toEventFilter(search('NOT failed')).filter, { and: [] });
  assert.deepEqual(toEventFilter(search('a:1 OR failed')).filter, { and: [] });
  assert.deepEqual(toEventFilter(search('x > 5')).filter, { field: 'x', op: 'exists' });
});

test('the filter never misses an event the query matches, and is exact when it says so', () => {
  const queries = [
    'user.name:alice',
    'NOT user.name:alice',
    'user.name:(alice OR bob OR ROOT)',
    'NOT user.name:(alice OR root)',
    'event.code:4688',
    'NOT event.code:4688',
    'event.code:46*',
    'NOT event.code:46*',
    'process.name:power*',
    'NOT process.name:POWER*',
    'process.name:p?wer*',
    'NOT process.name:*shell*.exe',
    'http.response.bytes > 500',
    'NOT http.response.bytes > 500',
    'http.response.bytes:[100 TO 600]',
    'user.name >= m',
    'NOT user.name < m',
    '@timestamp > 2026-03-01T11:00:00Z',
    'NOT @timestamp > now-1h',
    'source.ip:10.0.0.0/8 OR failed',
    'NOT (source.ip:10.0.0.0/8 OR failed)',
    'NOT NOT event.outcome:Failure',
    'event.outcome:true OR -host.name:*',
    'raw.EventID:1 OR event.category:WEB',
  ];
  const now = Date.parse('2026-03-01T12:40:00Z');
  for (const q of queries) {
    const expr = search(q);
    const match = compileExpr(expr, now);
    const { filter, exact } = toEventFilter(expr);
    for (const e of fixtureEvents) {
      const want = match(e);
      const got = matchesFilter(filter, e);
      if (want) assert.ok(got, `${q}: filter misses ${e.vigil.id}`);
      if (exact) assert.equal(got, want, `${q}: exact filter differs on ${e.vigil.id}`);
    }
  }
});

test('event time bounds from top-level @timestamp comparisons', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  assert.deepEqual(eventTimeBounds(search('@timestamp >= now-1h'), now), { from: now - 3_600_000 });
  assert.deepEqual(
    eventTimeBounds(
      search('x:1 @timestamp:[2026-03-01 TO 2026-03-02} @timestamp <= 2026-03-01T12:00:00Z'),
      now,
    ),
    {
      from: Date.UTC(2026, 2, 1),
      to: Date.UTC(2026, 2, 1, 12) + 1,
    },
  );
  assert.deepEqual(eventTimeBounds(search('@timestamp > 2026-03-01 OR x:1'), now), {});
  assert.deepEqual(eventTimeBounds(search('NOT @timestamp > 2026-03-01'), now), {});
});
