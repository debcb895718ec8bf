import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '@vigil/config';
import { startServer } from '../start-server.ts';
import { createLogger } from '../logging/create-logger.ts';
import { createSelfSignedCertificate } from './self-signed-certificate.ts';

const quiet = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

function config(env: Record<string, string>) {
  return loadConfig({
    env: { VIGIL_DATA_DIR: mkdtempSync(join(tmpdir(), 'vigil-https-')), VIGIL_PORT: '0', ...env },
  });
}

/** GET over HTTPS trusting only `ca` (no global trust-store changes, no rejectUnauthorized: false). */
function httpsGet(url: string, ca: string | Buffer, servername?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(url, { ca, ...(servername ? { servername } : {}) }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

const code = (expected: string, pattern?: RegExp) => (err: Error & { code?: string }) =>
  err.code === expected && (pattern === undefined || pattern.test(err.message));

test('HTTPS with a generated self-signed certificate: trusted via ca, HSTS sent, key 0600', async () => {
  const cfg = config({ VIGIL_TLS_SELF_SIGNED: 'true' });
  const server = await startServer(cfg, { logger: quiet });
  try {
    assert.match(server.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(server.tls?.selfSigned, true);
    assert.equal(server.tls?.generated, true);
    const certFile = join(cfg.dataDir, 'tls', 'self-signed.crt');
    assert.equal(server.tls?.certFile, certFile);
    assert.equal(statSync(join(cfg.dataDir, 'tls', 'self-signed.key')).mode & 0o777, 0o600);
    const res = await httpsGet(`${server.url}/readyz`, readFileSync(certFile));
    assert.equal(res.status, 200);
    assert.match(String(res.headers['strict-transport-security']), /max-age=\d+/);
    // An untrusting client refuses the connection: the certificate is really in use.
    await assert.rejects(
      httpsGet(`${server.url}/readyz`, createSelfSignedCertificate({ hosts: ['localhost'] }).certPem),
    );
  } finally {
    await server.close();
  }
  // Second start reuses the certificate (same fingerprint, not regenerated).
  const again = await startServer(cfg, { logger: quiet });
  try {
    assert.equal(again.tls?.generated, false);
    assert.equal(again.tls?.fingerprint256, server.tls?.fingerprint256);
  } finally {
    await again.close();
  }
});

test('HTTPS with configured certificate files on 0.0.0.0 (allowed with TLS, no allowInsecureHttp)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-https-files-'));
  const made = createSelfSignedCertificate({ hosts: ['vigil.example.test', 'localhost'] });
  writeFileSync(join(dir, 'cert.pem'), made.certPem);
  writeFileSync(join(dir, 'key.pem'), made.keyPem, { mode: 0o600 });
  const server = await startServer(
    config({
      VIGIL_HOST: '0.0.0.0',
      VIGIL_TLS_CERT_FILE: join(dir, 'cert.pem'),
      VIGIL_TLS_KEY_FILE: join(dir, 'key.pem'),
    }),
    { logger: quiet, getuid: () => 1000 },
  );
  try {
    assert.match(server.url, /^https:\/\/0\.0\.0\.0:\d+$/);
    assert.equal(server.tls?.fingerprint256, made.fingerprint256);
    assert.equal(server.tls?.selfSigned, false);
    const port = new URL(server.url).port;
    const res = await httpsGet(`https://localhost:${port}/healthz`, made.certPem);
    assert.equal(res.status, 200);
  } finally {
    await server.close();
  }
});

test('a non-loopback host without TLS is refused (UNSAFE_BIND names server.allowInsecureHttp) unless allowed', async () => {
  await assert.rejects(
    startServer(config({ VIGIL_HOST: '0.0.0.0' }), { logger: quiet, getuid: () => 1000 }),
    code('UNSAFE_BIND', /plain HTTP.*server\.allowInsecureHttp/),
  );
  const allowed = await startServer(config({ VIGIL_HOST: '0.0.0.0', VIGIL_ALLOW_INSECURE_HTTP: 'true' }), {
    logger: quiet,
    getuid: () => 1000,
  });
  try {
    assert.match(allowed.url, /^http:\/\/0\.0\.0\.0:\d+$/);
    assert.equal(allowed.tls, undefined);
  } finally {
    await allowed.close();
  }
});

test('as root, a non-loopback host is refused with UNSAFE_BIND even with TLS, before anything is created', async () => {
  const cfg = config({ VIGIL_HOST: '0.0.0.0', VIGIL_TLS_SELF_SIGNED: 'true' });
  await assert.rejects(startServer(cfg, { logger: quiet, getuid: () => 0 }), code('UNSAFE_BIND', /as root/));
  assert.equal(existsSync(join(cfg.dataDir, 'tls')), false);
  // Root on loopback is allowed (local development).
  const local = await startServer(config({}), { logger: quiet, getuid: () => 0 });
  await local.close();
});

test('TLS configuration errors are reported before start (TLS_CONFIG_INVALID naming the key)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-https-bad-'));
  const one = createSelfSignedCertificate({ hosts: ['localhost'] });
  const other = createSelfSignedCertificate({ hosts: ['localhost'] });
  writeFileSync(join(dir, 'cert.pem'), one.certPem);
  writeFileSync(join(dir, 'other-key.pem'), other.keyPem);
  writeFileSync(join(dir, 'garbage.pem'), 'hello');
  const cases: [Record<string, string>, RegExp][] = [
    [{ VIGIL_TLS_CERT_FILE: join(dir, 'cert.pem') }, /must be set together/],
    [
      { VIGIL_TLS_CERT_FILE: join(dir, 'cert.pem'), VIGIL_TLS_KEY_FILE: join(dir, 'missing.pem') },
      /server\.tls\.keyFile: cannot read .*missing\.pem \(ENOENT\)/,
    ],
    [
      { VIGIL_TLS_CERT_FILE: join(dir, 'garbage.pem'), VIGIL_TLS_KEY_FILE: join(dir, 'other-key.pem') },
      /server\.tls\.certFile: .* is not a PEM certificate/,
    ],
    [
      { VIGIL_TLS_CERT_FILE: join(dir, 'cert.pem'), VIGIL_TLS_KEY_FILE: join(dir, 'other-key.pem') },
      /server\.tls\.keyFile: .* is not the private key of/,
    ],
    [
      {
        VIGIL_TLS_CERT_FILE: join(dir, 'cert.pem'),
        VIGIL_TLS_KEY_FILE: join(dir, 'other-key.pem'),
        VIGIL_TLS_SELF_SIGNED: 'true',
      },
      /cannot be combined/,
    ],
  ];
  for (const [env, message] of cases) {
    await assert.rejects(startServer(config(env), { logger: quiet }), code('TLS_CONFIG_INVALID', message));
  }
  assert.throws(() => config({ VIGIL_TLS_SELF_SIGNED: 'maybe' }), code('CONFIG_INVALID'));
});
