import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_SECRETS_DIR_ENV } from '@vigil/testkit';
import { EXIT_FAILURE } from '../command.ts';
import { main } from '../main.ts';
import { testCliIo } from './test-cli-io.ts';

test('CLI test I/O registers passwords, secret settings and printed tokens, and keeps stderr for the scan', async () => {
  const previous = process.env[TEST_SECRETS_DIR_ENV];
  const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-registry-'));
  process.env[TEST_SECRETS_DIR_ENV] = dir;
  try {
    const token = `vigil_it_0123456789abcdef_${'A'.repeat(43)}`;
    const { io, out } = testCliIo({
      stdin: 'Stdin-Passw0rd-1\n',
      env: {
        VIGIL_METRICS_TOKEN: 'metrics-token-0123',
        VIGIL_PG_URL: 'postgres://vigil:pg-secret-9876@db/vigil',
        VIGIL_PORT: 'not-a-port',
      },
    });
    io.stdout.write(`${token}\n`);
    assert.equal(await main(['config', 'print'], io), EXIT_FAILURE);
    const files = readdirSync(dir);
    const registered = files
      .filter((f) => f.startsWith('secrets-'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean))
      .map((l) => (JSON.parse(l) as { value: string }).value);
    for (const secret of ['Stdin-Passw0rd-1', 'metrics-token-0123', 'pg-secret-9876', token])
      assert.ok(registered.includes(secret), `${secret.slice(0, 6)}… registered`);
    assert.ok(!registered.includes('not-a-port'), 'ordinary settings are not secrets');
    const scanned = files
      .filter((f) => f.endsWith('.log'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('');
    assert.ok(out.stderr.length > 0 && scanned.includes(out.stderr), 'stderr reached the scan directory');
  } finally {
    if (previous === undefined) delete process.env[TEST_SECRETS_DIR_ENV];
    else process.env[TEST_SECRETS_DIR_ENV] = previous;
    rmSync(dir, { recursive: true, force: true });
  }
});
