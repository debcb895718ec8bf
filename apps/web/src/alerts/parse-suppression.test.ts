import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchToText, parseSuppressions, textToMatch } from './parse-suppression.ts';

test('reads suppression rules; rules without `enabled` are enabled, bad entries dropped', () => {
  const [a, b, ...rest] = parseSuppressions({
    suppressions: [
      { id: 's-1', match: { 'host.name': ['ws01', 7] }, expiresAt: 10, reason: 'scanner', owner: 'u' },
      { id: 's-2', ruleId: 'r', match: {}, enabled: false, updatedBy: 'u-bob', updatedAt: 3 },
      { match: {} },
    ],
  });
  assert.equal(rest.length, 0);
  assert.deepEqual(a?.match, { 'host.name': ['ws01'] });
  assert.equal(a?.enabled, true);
  assert.equal(a?.ruleId, undefined);
  assert.equal(b?.enabled, false);
  assert.equal(b?.updatedBy, 'u-bob');
});

test('field matches round-trip through the text form; bad lines are named', () => {
  const match = { 'host.name': ['ws01', 'srv-*'], 'user.name': ['svc'] };
  assert.deepEqual(textToMatch(matchToText(match)), { ok: true, match });
  assert.deepEqual(textToMatch('host.name = a\n\nhost.name = b ,  '), {
    ok: true,
    match: { 'host.name': ['a', 'b'] },
  });
  assert.deepEqual(textToMatch('host.name\n= x\nuser.name = '), {
    ok: false,
    problems: [
      'line 1: expected "field = value[, value…]"',
      'line 2: expected "field = value[, value…]"',
      'line 3: expected "field = value[, value…]"',
    ],
  });
  assert.deepEqual(textToMatch('  '), { ok: false, problems: ['at least one field is needed'] });
});
