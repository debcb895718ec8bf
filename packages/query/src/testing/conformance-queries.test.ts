import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery } from '../parse/parse-query.ts';
import { executePlan } from '../execute/execute-plan.ts';
import { CONFORMANCE_NOW, conformanceQueries, fixtureEvents } from './index.ts';

test('every conformance query parses and runs over the fixtures', () => {
  let nonEmpty = 0;
  for (const q of conformanceQueries) {
    const r = parseQuery(q);
    assert.deepEqual(r.problems, [], q);
    assert.ok(r.plan);
    if (executePlan(r.plan, fixtureEvents, { now: CONFORMANCE_NOW }).length > 0) nonEmpty++;
  }
  // Most of them select something, so a SQL compiler that returns nothing cannot pass by accident.
  assert.ok(
    nonEmpty >= conformanceQueries.length - 4,
    `${nonEmpty} of ${conformanceQueries.length} non-empty`,
  );
});
