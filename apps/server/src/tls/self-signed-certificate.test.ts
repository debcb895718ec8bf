import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSelfSignedCertificate } from './self-signed-certificate.ts';
import { ensureSelfSignedCertificate } from './ensure-self-signed-certificate.ts';
import { integer, oid, time } from './der-encode.ts';

test('DER primitives encode as X.690 says', () => {
  assert.equal(oid('1.2.840.10045.4.3.2').toString('hex'), '06082a8648ce3d040302');
  assert.equal(integer(2).toString('hex'), '020102');
  assert.equal(integer(Buffer.from([0, 0, 0x80])).toString('hex'), '02020080');
  assert.equal(time(new Date('2026-01-02T03:04:05Z')).toString('latin1').slice(2), '260102030405Z');
  assert.equal(time(new Date('2050-01-02T03:04:05Z')).toString('latin1').slice(2), '20500102030405Z');
});

test('the self-signed certificate is a valid X.509 v3 server certificate for the given hosts', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const made = createSelfSignedCertificate({
    hosts: ['vigil.example.test', 'localhost', '127.0.0.1', '::1'],
    now,
  });
  const cert = new X509Certificate(made.certPem);
  assert.equal(cert.fingerprint256, made.fingerprint256);
  assert.match(cert.subject, /CN=vigil\.example\.test/);
  assert.equal(cert.subject, cert.issuer);
  assert.ok(cert.verify(cert.publicKey), 'signed by its own key');
  assert.ok(cert.checkPrivateKey(createPrivateKey(made.keyPem)));
  assert.equal(cert.checkHost('vigil.example.test'), 'vigil.example.test');
  assert.equal(cert.checkHost('localhost'), 'localhost');
  assert.equal(cert.checkIP('127.0.0.1'), '127.0.0.1');
  assert.equal(cert.checkIP('::1'), '::1');
  assert.equal(cert.checkHost('other.example.test'), undefined);
  assert.equal(cert.ca, false);
  assert.deepEqual(cert.keyUsage, ['1.3.6.1.5.5.7.3.1']); // extended key usage: serverAuth
  assert.equal(new Date(cert.validFrom).getTime(), now.getTime() - 3_600_000);
  assert.equal(new Date(cert.validTo).getTime(), now.getTime() + 365 * 86_400_000);
  assert.equal(cert.publicKey.asymmetricKeyDetails?.namedCurve, 'prime256v1');
});

test('ensureSelfSignedCertificate creates a 0600 key once, reuses it, and replaces it for a new host', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'vigil-tls-')), 'tls');
  const first = ensureSelfSignedCertificate(dir, ['localhost', '127.0.0.1']);
  assert.equal(first.generated, true);
  assert.equal(statSync(first.keyFile).mode & 0o777, 0o600);
  assert.equal(statSync(dir).mode & 0o777, 0o700);
  const again = ensureSelfSignedCertificate(dir, ['localhost']);
  assert.equal(again.generated, false);
  assert.equal(again.fingerprint256, first.fingerprint256);
  const widened = ensureSelfSignedCertificate(dir, ['localhost', 'vigil.example.test']);
  assert.equal(widened.generated, true);
  assert.notEqual(widened.fingerprint256, first.fingerprint256);
  // A near-expiry or corrupt certificate is replaced rather than served.
  const later = ensureSelfSignedCertificate(dir, ['localhost'], new Date(Date.now() + 365 * 86_400_000));
  assert.equal(later.generated, true);
  writeFileSync(later.certFile, 'not a certificate');
  assert.equal(ensureSelfSignedCertificate(dir, ['localhost']).generated, true);
  assert.match(readFileSync(later.certFile, 'utf8'), /BEGIN CERTIFICATE/);
});
