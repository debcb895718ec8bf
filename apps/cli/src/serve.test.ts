import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliEnv, startCli } from './testing/spawn-cli.ts';

test('vigil serve prints the running line, answers, creates no account, and exits 0 on SIGTERM', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-serve-'));
  const cli = startCli(['serve', '--port', '0', '--data-dir', dataDir], cliEnv());
  const line = await cli.waitForLine(/^Vigil is running at /);
  const match = /^Vigil is running at (http:\/\/127\.0\.0\.1:(\d+))\/$/.exec(line);
  assert.ok(match, line);
  const base = match[1] ?? '';
  assert.notEqual(match[2], '0');
  const ready = await fetch(`${base}/readyz`);
  assert.equal(ready.status, 200);
  assert.deepEqual(await ready.json(), { status: 'ready', checks: { storage: 'ok', bus: 'ok' } });
  const version = (await (await fetch(`${base}/api/v1/version`)).json()) as { mode: string };
  assert.equal(version.mode, 'embedded');
  cli.child.kill('SIGTERM');
  const result = await cli.exited;
  assert.equal(result.code, 0, result.stderr);
  // No default account: nothing resembling a credential is printed.
  assert.doesNotMatch(result.stdout, /password|admin/i);
});

test('vigil serve stopped the moment it reports running still exits 0', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-serve-'));
  const cli = startCli(['serve', '--port', '0', '--data-dir', dataDir], cliEnv());
  await cli.waitForLine(/^Vigil is running at /);
  cli.child.kill('SIGINT');
  const result = await cli.exited;
  assert.equal(result.code, 0, result.stderr);
});
