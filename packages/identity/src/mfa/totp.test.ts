import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hotp, newTotpSecret, totp, verifyTotp, type TotpOptions } from './totp.ts';
import { base32Decode, base32Encode } from './base32.ts';
import { otpauthUri } from './otpauth-uri.ts';

// RFC 6238 appendix B: seeds are the ASCII digits repeated to the hash's size; 8-digit codes.
const seeds = {
  SHA1: Buffer.from('12345678901234567890'),
  SHA256: Buffer.from('12345678901234567890123456789012'),
  SHA512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};
const vectors: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

test('TOTP matches the RFC 6238 test vectors (SHA-1, SHA-256, SHA-512)', () => {
  for (const [seconds, sha1, sha256, sha512] of vectors) {
    const opts = (algorithm: TotpOptions['algorithm']): TotpOptions => ({
      algorithm,
      digits: 8,
      periodSeconds: 30,
    });
    assert.equal(totp(seeds.SHA1, seconds * 1000, opts('SHA1')), sha1, `SHA1 @${seconds}`);
    assert.equal(totp(seeds.SHA256, seconds * 1000, opts('SHA256')), sha256, `SHA256 @${seconds}`);
    assert.equal(totp(seeds.SHA512, seconds * 1000, opts('SHA512')), sha512, `SHA512 @${seconds}`);
  }
});

test('HOTP matches the RFC 4226 test values', () => {
  const expected = [
    '755224',
    '287082',
    '359152',
    '969429',
    '338314',
    '254676',
    '287922',
    '162583',
    '399871',
    '520489',
  ];
  expected.forEach((code, counter) => assert.equal(hotp(seeds.SHA1, counter), code));
});

test('default TOTP is SHA-1, 6 digits, 30 s', () => {
  assert.equal(totp(seeds.SHA1, 59_000), '287082');
});

test('verifyTotp accepts ±1 step of drift and nothing further', () => {
  const secret = newTotpSecret();
  const now = 1_700_000_000_000;
  const step = Math.floor(now / 30_000);
  for (const delta of [-1, 0, 1]) {
    assert.deepEqual(verifyTotp(secret, totp(secret, now + delta * 30_000), { now }), {
      ok: true,
      step: step + delta,
    });
  }
  for (const delta of [-2, 2]) {
    assert.deepEqual(verifyTotp(secret, totp(secret, now + delta * 30_000), { now }), {
      ok: false,
      reason: 'invalid',
    });
  }
  assert.deepEqual(verifyTotp(secret, '12345', { now }), { ok: false, reason: 'malformed' });
  assert.deepEqual(verifyTotp(secret, 'abcdef', { now }), { ok: false, reason: 'malformed' });
});

test('verifyTotp refuses a replayed code and any earlier step', () => {
  const secret = newTotpSecret();
  const now = 1_700_000_000_000;
  const code = totp(secret, now);
  const first = verifyTotp(secret, code, { now });
  assert.ok(first.ok);
  assert.deepEqual(verifyTotp(secret, code, { now: now + 5_000, lastUsedStep: first.step }), {
    ok: false,
    reason: 'replayed',
  });
  const earlier = totp(secret, now - 30_000);
  assert.deepEqual(verifyTotp(secret, earlier, { now, lastUsedStep: first.step }), {
    ok: false,
    reason: 'replayed',
  });
  const next = totp(secret, now + 30_000);
  assert.ok(verifyTotp(secret, next, { now: now + 30_000, lastUsedStep: first.step }).ok);
});

test('base32 round-trips and matches RFC 4648 vectors', () => {
  const vectors4648: [string, string][] = [
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ];
  for (const [plain, encoded] of vectors4648) {
    assert.equal(base32Encode(Buffer.from(plain)), encoded);
    assert.equal(base32Decode(encoded).toString(), plain);
    assert.equal(base32Decode(`${encoded.toLowerCase()}====`).toString(), plain);
  }
  const random = newTotpSecret();
  assert.deepEqual(base32Decode(base32Encode(random)), random);
  assert.throws(() => base32Decode('MZ1W'), { code: 'BASE32_INVALID' });
});

test('otpauth URI carries the base32 secret, issuer and parameters', () => {
  const uri = otpauthUri({ issuer: 'Vigil SIEM', account: 'alice@example.com', secret: seeds.SHA1 });
  assert.equal(
    uri,
    'otpauth://totp/Vigil%20SIEM:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Vigil%20SIEM&algorithm=SHA1&digits=6&period=30',
  );
  const parsed = new URL(uri);
  assert.equal(parsed.protocol, 'otpauth:');
  assert.deepEqual(base32Decode(parsed.searchParams.get('secret') ?? ''), seeds.SHA1);
});
