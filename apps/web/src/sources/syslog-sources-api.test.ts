import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { certificateFingerprint, colonHex, displayFingerprint, pemToDer } from './certificate-fingerprint.ts';
import { parseSyslogListeners, parseSyslogSources } from './syslog-sources-api.ts';

test('syslog sources are parsed tolerantly, sorted by name; rows without id are skipped', () => {
  const rows = parseSyslogSources({
    sources: [
      {
        id: 's2',
        name: 'relays',
        dataSpace: 'default',
        match: 'issuer',
        fingerprint: 'ab',
        subject: 'CN=ca',
        source: 'syslog-tls:relays',
        createdAt: '2026-03-01T00:00:00.000Z',
      },
      { id: 's1', name: 'fw1', match: 'bogus' },
      { name: 'no-id' },
      null,
    ],
  });
  assert.deepEqual(
    rows.map((r) => [r.name, r.match, r.subject]),
    [
      ['fw1', 'certificate', undefined],
      ['relays', 'issuer', 'CN=ca'],
    ],
  );
  assert.deepEqual(parseSyslogSources(undefined), []);
});

test('listeners: unknown transports and rows without a port are dropped', () => {
  const info = parseSyslogListeners({
    host: '0.0.0.0',
    clientCertificates: true,
    listeners: [
      { transport: 'udp', enabled: true, port: 5514, up: true },
      { transport: 'sctp', enabled: true, port: 1 },
      { transport: 'tcp', enabled: true },
    ],
  });
  assert.deepEqual(info, {
    host: '0.0.0.0',
    clientCertificates: true,
    listeners: [{ transport: 'udp', enabled: true, port: 5514, up: true }],
  });
  assert.deepEqual(parseSyslogListeners('x'), { host: '', clientCertificates: false, listeners: [] });
});

test('the fingerprint of a pasted PEM equals openssl/X509 SHA-256; garbage gives none', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-web-cert-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1'].concat(
        ['-subj', '/CN=fp-test', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem')],
      ),
      { stdio: 'ignore' },
    );
    const pem = readFileSync(join(dir, 'c.pem'), 'utf8');
    const expected = new X509Certificate(pem).fingerprint256;
    assert.equal(await certificateFingerprint(`pasted with text around\n${pem}\ntrailing`), expected);
    assert.equal(displayFingerprint(expected.replaceAll(':', '').toLowerCase()), expected);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(await certificateFingerprint('not a certificate'), undefined);
  assert.equal(pemToDer('-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----'), undefined);
  assert.equal(colonHex(new Uint8Array([0, 171])), '00:AB');
  assert.equal(displayFingerprint('not hex'), 'not hex');
});
