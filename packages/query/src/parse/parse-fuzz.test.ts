import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isVigilError } from '@vigil/core';
import { parseQuery } from './parse-query.ts';
import { formatPlan } from '../format/format-plan.ts';
import { executePlan } from '../execute/execute-plan.ts';
import { toEventFilter } from '../filter/to-event-filter.ts';
import { fixtureEvents } from '../testing/fixture-events.ts';
import type { QueryPlan } from '../ast/query-plan.ts';

/** Deterministic PRNG (mulberry32) so a failure reproduces. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHARS = ' ()[]{}":|,<>=-*?\\/.@_aAzZ019\t\n😀é';
const WORDS = [
  'AND',
  'OR',
  'NOT',
  'TO',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '|',
  ',',
  ':',
  '*',
  '-',
  '"',
  '>=',
  '<',
  '=',
  'user.name',
  'process.name',
  '@timestamp',
  'source.ip',
  'http.response.bytes',
  'count()',
  'n',
  'alice',
  'power*',
  '10.0.0.0/8',
  '2001:db8::/32',
  '4688',
  'now-1h',
  '2026-03-01',
  '"a b"',
  'x\\*',
  'where',
  'fields',
  'sort',
  'head',
  'stats',
  'timechart',
  'span=1h',
  'by',
  'as',
  'desc',
  '5',
  'count()',
  'dc(user.name)',
  'avg(http.response.bytes)',
  'max(x)',
];

const strip = (p: QueryPlan) =>
  JSON.parse(
    JSON.stringify({ ...p, source: '' }, (k, v: unknown) => (k === 'offset' ? undefined : v)),
  ) as unknown;

function check(q: string): void {
  const r = parseQuery(q);
  assert.ok(Array.isArray(r.problems));
  if (r.plan === undefined) {
    assert.ok(r.problems.length > 0, `no plan and no problem for ${JSON.stringify(q)}`);
    for (const p of r.problems) {
      assert.equal(p.where, 'query');
      assert.ok(typeof p.offset === 'number' && p.offset >= 0 && p.offset <= q.length, JSON.stringify(q));
    }
    return;
  }
  const again = parseQuery(formatPlan(r.plan));
  assert.deepEqual(
    again.problems,
    [],
    `canonical text of ${JSON.stringify(q)} must parse: ${formatPlan(r.plan)}`,
  );
  assert.ok(again.plan);
  assert.deepEqual(strip(again.plan), strip(r.plan), `round trip of ${JSON.stringify(q)}`);
  toEventFilter(r.plan.search);
  try {
    executePlan(r.plan, fixtureEvents, { now: 0 });
  } catch (e) {
    assert.ok(isVigilError(e) && e.kind === 'user', `execution of ${JSON.stringify(q)} threw ${String(e)}`);
  }
}

test('random characters never make the parser throw', () => {
  const next = rng(1);
  for (let i = 0; i < 3000; i++) {
    const len = Math.floor(next() * 40);
    let q = '';
    for (let j = 0; j < len; j++) q += CHARS.charAt(Math.floor(next() * CHARS.length));
    check(q);
  }
});

test('random token soups parse or fail cleanly, and valid ones round-trip', () => {
  const next = rng(2);
  let parsed = 0;
  for (let i = 0; i < 4000; i++) {
    const n = 1 + Math.floor(next() * 10);
    const parts: string[] = [];
    for (let j = 0; j < n; j++) parts.push(WORDS[Math.floor(next() * WORDS.length)] ?? '');
    const q = parts.join(next() < 0.3 ? '' : ' ');
    check(q);
    if (parseQuery(q).plan) parsed++;
  }
  assert.ok(parsed > 200, `only ${parsed} random queries parsed`);
});
