import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isVigilError } from '@vigil/core';
import {
  OWASP_ARGON2ID,
  hashPassword,
  needsRehash,
  verifyPassword,
  verifyPasswordOfUnknownAccount,
} from './password-hash.ts';

// Cheap parameters keep the suite fast; the defaults are checked separately.
const cheap = { memoryKiB: 1024, passes: 1, parallelism: 1 };

test('hashPassword produces an Argon2id PHC string with a random salt', async () => {
  const a = await hashPassword('Tangerine-Orbit', cheap);
  const b = await hashPassword('Tangerine-Orbit', cheap);
  assert.match(a, /^\$argon2id\$v=19\$m=1024,t=1,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
  assert.notEqual(a, b);
  assert.ok(!a.includes('Tangerine'));
});

test('default parameters follow OWASP (m=19 MiB, t=2, p=1)', async () => {
  assert.deepEqual({ ...OWASP_ARGON2ID }, { memoryKiB: 19456, passes: 2, parallelism: 1 });
  const phc = await hashPassword('Tangerine-Orbit');
  assert.ok(phc.startsWith('$argon2id$v=19$m=19456,t=2,p=1$'));
  assert.equal(await verifyPassword('Tangerine-Orbit', phc), true);
});

test('verifyPassword accepts the right password only', async () => {
  const phc = await hashPassword('Tangerine-Orbit', cheap);
  assert.equal(await verifyPassword('Tangerine-Orbit', phc), true);
  assert.equal(await verifyPassword('tangerine-orbit', phc), false);
  assert.equal(await verifyPassword('', phc), false);
});

test('verifyPassword normalises Unicode so composed and decomposed input match', async () => {
  const phc = await hashPassword('Caf\u00e9-au-lait', cheap);
  assert.equal(await verifyPassword('Cafe\u0301-au-lait', phc), true);
});

test('needsRehash is true when the parameters change', async () => {
  const phc = await hashPassword('Tangerine-Orbit', cheap);
  assert.equal(needsRehash(phc, cheap), false);
  assert.equal(needsRehash(phc), true);
  assert.equal(needsRehash(phc, { ...cheap, passes: 2 }), true);
});

test('a malformed stored hash is an unexpected error, not a match', async () => {
  await assert.rejects(
    verifyPassword('x', '$2b$10$abcdefghijklmnopqrstuv'),
    (e) => isVigilError(e) && e.code === 'PASSWORD_HASH_MALFORMED',
  );
  assert.throws(
    () => needsRehash('plain'),
    (e) => isVigilError(e) && e.kind === 'unexpected',
  );
});

test('verifying against an unknown account always fails', async () => {
  assert.equal(await verifyPasswordOfUnknownAccount('anything'), false);
});
