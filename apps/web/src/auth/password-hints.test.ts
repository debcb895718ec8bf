import { test } from 'node:test';
import assert from 'node:assert/strict';
import { passwordHints, passwordLooksAcceptable } from './password-hints.ts';

const unmet = (pw: string, name: string) =>
  passwordHints(pw, name)
    .filter((h) => !h.met)
    .map((h) => h.rule);

test('live password hints follow every rule of the policy', () => {
  assert.deepEqual(unmet('abc', 'alice'), ['min_length', 'char_classes']);
  assert.deepEqual(unmet('ecila', 'alice'), ['min_length', 'char_classes', 'account_name']);
  assert.deepEqual(unmet('Alice-Wonder-1', 'alice'), []);
  assert.deepEqual(unmet('Zebrafinch', 'zebrafinch'), ['account_name']);
  assert.deepEqual(unmet('password', 'owner'), ['char_classes', 'common_password']);
  assert.deepEqual(unmet('P@ssw0rd2024!', 'owner'), ['common_password']);
  assert.deepEqual(unmet('12345678', 'owner'), ['char_classes', 'common_password']);
});

test('an empty password is not accepted, and the name rule waits for a name', () => {
  assert.equal(passwordLooksAcceptable('', 'x'), false);
  assert.equal(passwordLooksAcceptable('Browser-Owner-Pass-9', ''), true);
  assert.equal(passwordLooksAcceptable('Browser-Owner-Pass-9', 'owner'), true);
});
