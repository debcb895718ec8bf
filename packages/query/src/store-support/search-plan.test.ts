import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseQuery } from '../index.ts';
import type { QueryPlan } from '../index.ts';
import { isPageable, splitPlan } from './search-plan.ts';

function plan(q: string): QueryPlan {
  const r = parseQuery(q);
  assert.deepEqual(r.problems, [], q);
  assert.ok(r.plan);
  return r.plan;
}

test('where, sort and head before an aggregation are pushed into SQL; the rest stays in JS', () => {
  const s = splitPlan(
    plan('a:1 | where b:2 | sort c | sort -d | head 5 | stats count() by e | where count() > 1'),
  );
  assert.equal(s.search.kind, 'and');
  assert.deepEqual(s.sort, [
    { field: 'd', order: 'desc' },
    { field: 'c', order: 'asc' },
  ]);
  assert.equal(s.head, 5);
  assert.equal(s.aggregate?.kind, 'stats');
  assert.deepEqual(
    s.rest.map((r) => r.kind),
    ['where'],
  );
  assert.equal(isPageable(s), false);
});

test('a where or sort after head is not pushed (it must see only the first rows)', () => {
  const s = splitPlan(plan('* | head 3 | where a:1 | sort b'));
  assert.equal(s.head, 3);
  assert.equal(s.search.kind, 'all');
  assert.deepEqual(
    s.rest.map((r) => r.kind),
    ['where', 'sort'],
  );
});

test('keep-fields never stop pushing; drop-fields stop at a stage naming a dropped path', () => {
  const kept = splitPlan(plan('* | fields a, b | where a:1'));
  assert.equal(kept.search.kind, 'eq');
  assert.equal(isPageable(kept), true);
  assert.deepEqual(
    kept.rest.map((r) => r.kind),
    ['fields'],
  );
  const dropped = splitPlan(plan('* | fields - a | where a.b:1'));
  assert.equal(dropped.search.kind, 'all');
  assert.deepEqual(
    dropped.rest.map((r) => r.kind),
    ['fields', 'where'],
  );
  const unrelated = splitPlan(plan('* | fields - raw | where a:1'));
  assert.equal(unrelated.search.kind, 'eq');
});
