import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { isVigilError } from '@vigil/core';
import { verifyIdToken } from './verify-id-token.ts';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig' };
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const NOW = Date.UTC(2026, 0, 1);
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

function token(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = { alg: 'RS256', kid: 'k1' },
  key = privateKey,
): string {
  const body = `${b64(header)}.${b64(claims)}`;
  return `${body}.${sign('sha256', Buffer.from(body), key).toString('base64url')}`;
}

const good = {
  iss: 'https://idp',
  aud: 'vigil',
  sub: 'u1',
  nonce: 'n1',
  iat: NOW / 1000,
  exp: NOW / 1000 + 300,
};
const expect = { issuer: 'https://idp', clientId: 'vigil', nonce: 'n1', now: NOW, keys: [jwk] };
const reason = (r: string) => (e: unknown) =>
  isVigilError(e) && e.details?.['reason'] === r && e.status === 401;

test('a valid ID token verifies', () => {
  assert.equal(verifyIdToken(token(good), expect).sub, 'u1');
});

test('forged, foreign, replayed and stale ID tokens are refused', () => {
  assert.throws(
    () => verifyIdToken(token(good, { alg: 'RS256', kid: 'k1' }, other.privateKey), expect),
    reason('signature'),
  );
  const unsigned = `${b64({ alg: 'none' })}.${b64(good)}.`;
  assert.throws(() => verifyIdToken(unsigned, expect), reason('signature'));
  assert.throws(() => verifyIdToken(token({ ...good, iss: 'https://evil' }), expect), reason('issuer'));
  assert.throws(() => verifyIdToken(token({ ...good, aud: 'someone-else' }), expect), reason('audience'));
  assert.throws(() => verifyIdToken(token({ ...good, aud: ['vigil', 'x'] }), expect), reason('azp'));
  assert.throws(() => verifyIdToken(token({ ...good, nonce: 'other' }), expect), reason('nonce'));
  assert.throws(() => verifyIdToken(token({ ...good, exp: NOW / 1000 - 120 }), expect), reason('expired'));
  assert.throws(() => verifyIdToken('not.a.jwt', expect), reason('malformed'));
});
