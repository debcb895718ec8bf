import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  newScheduledRuleHref,
  scheduledListHref,
  scheduledRoute,
  scheduledRuleHref,
} from './scheduled-route.ts';

test('scheduled rule paths', () => {
  assert.deepEqual(scheduledRoute('/detection/scheduled'), { kind: 'list' });
  assert.deepEqual(scheduledRoute('/detection/scheduled/new'), { kind: 'new' });
  const href = scheduledRuleHref('ws-a', 'a b/c');
  assert.equal(href, '/detection/scheduled/a%20b%2Fc?workspace=ws-a');
  assert.deepEqual(scheduledRoute(href.split('?')[0] ?? ''), { kind: 'detail', id: 'a b/c' });
  assert.equal(scheduledListHref('ws 1'), '/detection/scheduled?workspace=ws+1');
  assert.equal(newScheduledRuleHref('ws-a'), '/detection/scheduled/new?workspace=ws-a');
  assert.equal(scheduledRoute('/detection'), undefined);
  assert.equal(scheduledRoute('/detection/rules/x'), undefined);
  assert.equal(scheduledRoute('/detection/scheduled/x/y'), undefined);
});
