import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPasswordPolicy, charClasses } from './password-policy.ts';
import { isCommonPassword } from './is-common-password.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

const rules = (pw: string, account = 'alice') => checkPasswordPolicy(pw, account).failures.map((f) => f.rule);

test('password policy accepts a long mixed password', () => {
  assert.deepEqual(checkPasswordPolicy('Tangerine-Orbit', 'alice'), { ok: true, failures: [] });
  assert.equal(
    checkPasswordPolicy('plum cobalt harbour', 'alice').ok,
    true,
    'lowercase + spaces is two classes',
  );
});

test('password policy requires at least 8 characters', () => {
  assert.deepEqual(rules('Ab1!xyz'), ['min_length']);
  assert.match(checkPasswordPolicy('Ab1!xyz', 'alice').failures[0]?.message ?? '', /at least 8/);
  assert.deepEqual(rules('Ab1!xyzw'), []);
  // Code points, not UTF-16 units: 7 emoji are 7 characters.
  assert.ok(rules('😀😀😀😀😀😀😀').includes('min_length'));
});

test('password policy requires two character classes', () => {
  assert.ok(rules('zqxwvjkmpt').includes('char_classes'));
  assert.ok(rules('ZQXWVJKMPT').includes('char_classes'));
  assert.ok(rules('90417326581').includes('char_classes'));
  assert.ok(!rules('zqxwvjkmpT').includes('char_classes'));
  assert.ok(!rules('zqxwvjkmp7').includes('char_classes'));
  assert.ok(!rules('zqxw vjkmp').includes('char_classes'));
  assert.deepEqual([...charClasses('aB3 ')].sort(), ['digit', 'lowercase', 'special', 'uppercase']);
});

test('password policy rejects the account name and its reverse, case-insensitively', () => {
  assert.ok(rules('Administrat0r', 'administrat0r').includes('matches_account'));
  assert.ok(rules('r0tartsinimdA', 'Administrat0r').includes('reverse_account'));
  assert.ok(rules('Maximilian-2', 'maximilian-2').includes('matches_account'));
  assert.ok(!rules('Maximilian-3', 'maximilian-2').includes('matches_account'));
});

test('password policy rejects common passwords with light normalisation', () => {
  for (const pw of [
    'password',
    'Password1',
    'P@ssw0rd',
    'P@ssw0rd2024!',
    'Qwerty123',
    'iloveyou',
    '1qaz2wsx',
    'Dragon2024!',
  ]) {
    assert.ok(isCommonPassword(pw), pw);
    assert.ok(rules(pw, 'bob').includes('common_password'), pw);
  }
  for (const pw of ['abcdefgh', '87654321', 'aaaaaaaaaa', 'ZYXWVUTS']) assert.ok(isCommonPassword(pw), pw);
  assert.equal(isCommonPassword('Tangerine-Orbit'), false);
  assert.ok(COMMON_PASSWORDS.size >= 400, `list has ${COMMON_PASSWORDS.size} entries`);
});

test('failure messages explain every missing rule and never echo the password', () => {
  const result = checkPasswordPolicy('secret', 'terces');
  assert.equal(result.ok, false);
  assert.deepEqual(
    result.failures.map((f) => f.rule),
    ['min_length', 'char_classes', 'reverse_account', 'common_password'],
  );
  for (const f of result.failures) assert.ok(!f.message.includes('secret'));
});
