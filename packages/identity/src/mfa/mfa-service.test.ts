import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '@vigil/core';
import { MfaService } from './mfa-service.ts';
import { MemoryMfaStore } from './memory-mfa-store.ts';
import { SecretBox } from '../secrets/secret-box.ts';
import { generateMasterKey } from '../secrets/master-key.ts';
import { base32Decode } from './base32.ts';
import { totp } from './totp.ts';

function setup() {
  const clock = new ManualClock(Date.UTC(2026, 5, 1));
  const store = new MemoryMfaStore();
  const box = new SecretBox({ current: generateMasterKey('k1') });
  return { clock, store, mfa: new MfaService(store, box, clock) };
}

async function enrol(s: ReturnType<typeof setup>) {
  const { secret, uri } = await s.mfa.begin('u1', 'alice');
  const key = base32Decode(secret);
  const { recoveryCodes } = await s.mfa.confirm('u1', totp(key, s.clock.now()));
  return { key, uri, recoveryCodes, secret };
}

test('enrolment needs a first valid code and yields ten recovery codes; the secret is stored sealed', async () => {
  const s = setup();
  const { secret } = await s.mfa.begin('u1', 'alice');
  assert.equal(await s.mfa.isEnrolled('u1'), false);
  await assert.rejects(s.mfa.confirm('u1', '000000'), { code: 'MFA_CODE_INVALID' });
  const key = base32Decode(secret);
  const { recoveryCodes } = await s.mfa.confirm('u1', totp(key, s.clock.now()));
  assert.equal(recoveryCodes.length, 10);
  assert.equal(await s.mfa.isEnrolled('u1'), true);
  const row = JSON.stringify(await s.store.get('u1'));
  assert.ok(
    !row.includes(secret) && !row.includes(key.toString('hex')) && !row.includes(key.toString('base64')),
  );
  for (const c of recoveryCodes) assert.ok(!row.includes(c));
  await assert.rejects(s.mfa.begin('u1', 'alice'), { code: 'MFA_ALREADY_ENROLLED' });
});

test('TOTP login works once per code; the enrolment code cannot be replayed', async () => {
  const s = setup();
  const { key } = await enrol(s);
  assert.deepEqual(await s.mfa.verify('u1', totp(key, s.clock.now())), { ok: false, reason: 'replayed' });
  s.clock.advance(30_000);
  const code = totp(key, s.clock.now());
  assert.deepEqual(await s.mfa.verify('u1', code), { ok: true, method: 'totp' });
  assert.deepEqual(await s.mfa.verify('u1', code), { ok: false, reason: 'replayed' });
  s.clock.advance(30_000);
  const racing = totp(key, s.clock.now());
  const both = await Promise.all([s.mfa.verify('u1', racing), s.mfa.verify('u1', racing)]);
  assert.equal(both.filter((r) => r.ok).length, 1, 'two concurrent logins with one code: one wins');
  assert.deepEqual(await s.mfa.verify('u1', '123'), { ok: false, reason: 'malformed' });
  assert.deepEqual(await s.mfa.verify('nobody', '123456'), { ok: false, reason: 'not_enrolled' });
});

test('recovery codes work once each and can be regenerated', async () => {
  const s = setup();
  const { recoveryCodes } = await enrol(s);
  const first = recoveryCodes[0] ?? '';
  assert.deepEqual(await s.mfa.verify('u1', first), { ok: true, method: 'recovery_code', remaining: 9 });
  assert.deepEqual(await s.mfa.verify('u1', first), { ok: false, reason: 'invalid' });
  assert.deepEqual(await s.mfa.verify('u1', 'aaaa-bbbb-cccc-dddd'), { ok: false, reason: 'invalid' });
  const fresh = await s.mfa.regenerateRecoveryCodes('u1');
  assert.deepEqual(
    await s.mfa.verify('u1', recoveryCodes[1] ?? ''),
    { ok: false, reason: 'invalid' },
    'old set revoked',
  );
  assert.equal((await s.mfa.verify('u1', fresh[0] ?? '')).ok, true);
});

test('a sealed TOTP secret copied to another user does not open', async () => {
  const s = setup();
  await enrol(s);
  const row = await s.store.get('u1');
  await s.store.put({ ...row!, userId: 'u2' });
  await assert.rejects(s.mfa.verify('u2', '123456'), { code: 'SECRET_OPEN_FAILED' });
});
