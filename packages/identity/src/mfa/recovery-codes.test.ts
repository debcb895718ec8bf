import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  matchRecoveryCode,
  remainingRecoveryCodes,
  type RecoveryCodeRecord,
} from './recovery-codes.ts';
import { isMfaRequired } from './mfa-enrolment.ts';

test('ten recovery codes are generated, unique, and stored only as hashes', () => {
  const { codes, records } = generateRecoveryCodes();
  assert.equal(codes.length, 10);
  assert.equal(new Set(codes).size, 10);
  for (const c of codes) assert.match(c, /^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
  const stored = JSON.stringify(records);
  for (const c of codes) {
    assert.ok(!stored.includes(c));
    assert.ok(!stored.includes(c.replace(/-/g, '').toUpperCase()));
  }
});

test('a recovery code matches once, tolerating case, spaces and dashes', () => {
  const { codes, records } = generateRecoveryCodes();
  const code = codes[3] ?? '';
  const loose = ` ${code.toUpperCase().replace(/-/g, ' ')} `;
  assert.equal(matchRecoveryCode(records, loose), 3);
  const used: RecoveryCodeRecord[] = records.map((r, i) => (i === 3 ? { ...r, usedAt: 1 } : r));
  assert.equal(matchRecoveryCode(used, code), -1, 'single use');
  assert.equal(remainingRecoveryCodes(used), 9);
  assert.equal(matchRecoveryCode(records, 'aaaa-bbbb-cccc-dddd'), -1);
  assert.equal(hashRecoveryCode(code), hashRecoveryCode(code.toUpperCase()));
});

test("MFA is required when any of the user's workspaces requires it", () => {
  const enforced = new Set(['ws-b']);
  assert.equal(
    isMfaRequired(['ws-a'], (w) => enforced.has(w)),
    false,
  );
  assert.equal(
    isMfaRequired(['ws-a', 'ws-b'], (w) => enforced.has(w)),
    true,
  );
  assert.equal(
    isMfaRequired([], () => true),
    false,
  );
});
