import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { isVigilError } from '@vigil/core';
import { SecretBox } from './secret-box.ts';
import { generateMasterKey, parseMasterKey } from './master-key.ts';

const SECRET = 'sk_live_51HvZ-connector-password-Δ';
const k1 = generateMasterKey('k1');
const k2 = generateMasterKey('k2');

const code = (c: string) => (e: unknown) => isVigilError(e) && e.code === c && !e.message.includes(SECRET);

test('seal/open round-trips with a versioned format naming the key id', () => {
  const box = new SecretBox({ current: k1 });
  const sealed = box.seal(SECRET, 'connector:c1');
  assert.match(sealed, /^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{64}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
  assert.ok(!sealed.includes(Buffer.from(SECRET).toString('base64url').slice(0, 10)));
  assert.equal(box.openText(sealed, 'connector:c1'), SECRET);
  assert.notEqual(box.seal(SECRET, 'connector:c1'), sealed, 'fresh data key and IV each time');
  assert.deepEqual(box.open(box.seal(Buffer.from([0, 1, 2]), 'bin'), 'bin'), Buffer.from([0, 1, 2]));
});

test('wrong AAD, wrong master key and tampering fail with a clear error that never includes the secret', () => {
  const box = new SecretBox({ current: k1 });
  const sealed = box.seal(SECRET, 'connector:c1');
  assert.throws(() => box.open(sealed, 'connector:c2'), code('SECRET_OPEN_FAILED'));
  const impostor = new SecretBox({ current: { id: 'k1', key: k2.key } });
  assert.throws(() => impostor.open(sealed, 'connector:c1'), code('SECRET_OPEN_FAILED'));
  assert.throws(
    () => new SecretBox({ current: k2 }).open(sealed, 'connector:c1'),
    code('SECRET_KEY_UNKNOWN'),
  );
  const parts = sealed.split('.');
  for (const i of [2, 3, 4, 5]) {
    const p = Buffer.from(parts[i] ?? '', 'base64url');
    p[0] = (p[0] ?? 0) ^ 1;
    const tampered = parts.map((x, j) => (j === i ? p.toString('base64url') : x)).join('.');
    assert.throws(
      () => box.open(tampered, 'connector:c1'),
      (e) => isVigilError(e) && !e.message.includes(SECRET),
      `part ${i}`,
    );
  }
  assert.throws(() => box.open('v2.k1.a.b.c.d', 'x'), code('SECRET_MALFORMED'));
  assert.throws(() => box.open(SECRET, 'x'), code('SECRET_MALFORMED'));
  try {
    box.open(sealed, 'wrong');
  } catch (e) {
    assert.ok(!inspect(e).includes(SECRET));
    assert.ok(!JSON.stringify(e).includes(SECRET));
  }
});

test('rewrap moves a value to the new master key without re-encrypting the payload', () => {
  const old = new SecretBox({ current: k1 });
  const sealed = old.seal(SECRET, 'token:t1');
  const rotated = new SecretBox({ current: k2, previous: [k1] });
  assert.equal(rotated.openText(sealed, 'token:t1'), SECRET, 'old values still open during rotation');
  const rewrapped = rotated.rewrap(sealed);
  assert.equal(SecretBox.keyIdOf(rewrapped), 'k2');
  assert.equal(
    rewrapped.split('.').slice(4).join('.'),
    sealed.split('.').slice(4).join('.'),
    'payload untouched',
  );
  assert.equal(rotated.rewrap(rewrapped), rewrapped, 'idempotent');
  const retired = new SecretBox({ current: k2 });
  assert.equal(retired.openText(rewrapped, 'token:t1'), SECRET, 'old key can be retired after rewrap');
  const reencrypted = retired.reencrypt(rewrapped, 'token:t1');
  assert.notEqual(reencrypted.split('.')[5], rewrapped.split('.')[5]);
  assert.equal(retired.openText(reencrypted, 'token:t1'), SECRET);
});

test('master keys are validated and never shown by inspection or JSON', () => {
  assert.equal(parseMasterKey('k1', k1.encoded).key.length, 32);
  assert.throws(() => parseMasterKey('k1', Buffer.alloc(16).toString('base64')), code('MASTER_KEY_INVALID'));
  assert.throws(() => parseMasterKey('bad id', k1.encoded), code('MASTER_KEY_INVALID'));
  assert.throws(() => parseMasterKey('k1', 'not base64!'), code('MASTER_KEY_INVALID'));
  const box = new SecretBox({ current: k1, previous: [k2] });
  for (const text of [
    inspect(box, { showHidden: true, depth: 5 }),
    JSON.stringify(box),
    inspect(box, { getters: true }),
  ]) {
    assert.ok(!text.includes(k1.encoded) && !text.includes(k2.encoded));
    assert.ok(!text.includes(Buffer.from(k1.key).toString('hex')));
  }
});

test('a running box picks up a rotated keyring: swapped in place, or reloaded when a value names an unknown key', () => {
  let source: { current: typeof k1; previous?: (typeof k1)[] } = { current: k1 };
  let reloads = 0;
  const running = new SecretBox(source, {
    reload: () => {
      reloads++;
      return source;
    },
  });
  const before = running.seal(SECRET, 'mfa:u1');
  // Another process (the CLI) rotates: k2 current, k1 previous, and seals a value under k2.
  source = { current: k2, previous: [k1] };
  const sealedElsewhere = new SecretBox(source).seal(SECRET, 'mfa:u2');
  assert.equal(running.openText(sealedElsewhere, 'mfa:u2'), SECRET, 'unknown key id triggers a reload');
  assert.equal(reloads, 1);
  assert.equal(running.currentKeyId, 'k2', 'new values are sealed under the new key');
  assert.equal(running.openText(before, 'mfa:u1'), SECRET, 'old values still open');
  assert.deepEqual(running.keyIds, ['k2', 'k1']);
  // Retire-previous: k1 leaves the keyring.
  running.replaceKeyring({ current: k2 });
  assert.throws(() => running.openText(before, 'mfa:u1'), code('SECRET_KEY_UNKNOWN'));
  assert.throws(() => running.openText(before, 'mfa:u1'), code('SECRET_KEY_UNKNOWN'));
  assert.equal(reloads, 1, 'misses right after a reload do not read the source again');
  assert.throws(
    () => running.replaceKeyring({ current: { id: 'bad', key: new Uint8Array(5) } }),
    code('MASTER_KEY_INVALID'),
  );
  assert.equal(running.currentKeyId, 'k2', 'an invalid keyring is not half-applied');
});
