import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliEnv, startCli } from './testing/spawn-cli.ts';

function httpsStatus(url: string, ca: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

test('vigil serve --tls-self-signed serves HTTPS and prints the certificate fingerprint', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-serve-tls-'));
  const cli = startCli(['serve', '--port', '0', '--data-dir', dataDir, '--tls-self-signed'], cliEnv());
  const line = await cli.waitForLine(/^Vigil is running at /);
  const match = /^Vigil is running at (https:\/\/127\.0\.0\.1:\d+)\/$/.exec(line);
  assert.ok(match, line);
  const printed = await cli.waitForLine(/^Self-signed TLS certificate/);
  const certFile = join(dataDir, 'tls', 'self-signed.crt');
  const fingerprint = new X509Certificate(readFileSync(certFile)).fingerprint256;
  assert.ok(printed.includes(`created: ${certFile}`), printed);
  assert.ok(printed.endsWith(`SHA-256 fingerprint ${fingerprint}`), printed);
  assert.equal(await httpsStatus(`${match[1] ?? ''}/readyz`, readFileSync(certFile)), 200);
  cli.child.kill('SIGTERM');
  const result = await cli.exited;
  assert.equal(result.code, 0, result.stderr);
});

test('vigil serve refuses a non-loopback host without TLS (or as root) and says why', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-serve-tls-'));
  const cli = startCli(['serve', '--port', '0', '--data-dir', dataDir, '--host', '0.0.0.0'], cliEnv());
  const result = await cli.exited;
  assert.notEqual(result.code, 0);
  // As root (some CI containers) the root refusal comes first; both are UNSAFE_BIND.
  if (process.getuid?.() === 0) assert.match(result.stderr, /refusing to serve 0\.0\.0\.0:0 as root/);
  else assert.match(result.stderr, /refusing to serve plain HTTP .*server\.allowInsecureHttp/);
  assert.doesNotMatch(result.stdout, /Vigil is running/);
});
