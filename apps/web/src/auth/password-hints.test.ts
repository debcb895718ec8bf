import { test } from 'node:test';
import assert from 'node:assert/strict';
import { passwordHints } from './password-hints.ts';
import { parsePasswordCheck, parsePasswordPolicy } from './password-policy-api.ts';

const rules = parsePasswordPolicy({
  rules: [
    { id: 'length', text: 'At least 8 characters', failsOn: ['min_length', 'max_length'] },
    { id: 'account_name', text: 'Not the username', failsOn: ['matches_account', 'reverse_account'] },
    { id: 'common_password', text: 'Not common', failsOn: ['common_password'] },
    { id: '', text: 'malformed lines are skipped' },
  ],
});

test('the checklist shows the server policy, each line marked from the server check', () => {
  assert.deepEqual(
    rules.map((r) => r.id),
    ['length', 'account_name', 'common_password'],
  );
  const check = parsePasswordCheck({
    ok: false,
    failures: [
      { rule: 'reverse_account', message: 'The password must not be the account name reversed.' },
      { rule: 'min_length', message: 'Use at least 8 characters.' },
    ],
  });
  assert.deepEqual(
    passwordHints(rules, check).map((h) => [h.rule, h.met]),
    [
      ['length', false],
      ['account_name', false],
      ['common_password', true],
    ],
  );
  assert.deepEqual(
    passwordHints(rules, undefined).map((h) => h.met),
    [undefined, undefined, undefined],
    'pending until the server answers',
  );
});

test('a check answer is ok only when the server says so and lists no failure', () => {
  assert.equal(parsePasswordCheck({ ok: true, failures: [] }).ok, true);
  assert.equal(parsePasswordCheck({ ok: true, failures: [{ rule: 'char_classes' }] }).ok, false);
  assert.equal(parsePasswordCheck(null).ok, false);
});
