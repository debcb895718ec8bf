import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SQLITE_FILE_NAME } from '@vigil/store-sqlite';
import { natsUrl, pgUrl, skipUnless } from '@vigil/testkit';
import { cliEnv, messageLines, runCli, type CliResult } from './testing/spawn-cli.ts';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'vigil-cli-'));
}

/** Exactly one human line, starting `vigil: `, and no stack trace. */
function assertOneClearLine(result: CliResult, pattern: RegExp): void {
  const lines = messageLines(result.stderr);
  assert.equal(lines.length, 1, `expected one message line, got:\n${result.stderr}`);
  assert.match(lines[0] ?? '', /^vigil: /);
  assert.match(lines[0] ?? '', pattern);
  assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
}

test('an unknown command is a usage error (exit 2)', async () => {
  const result = await runCli(['frobnicate']);
  assert.equal(result.code, 2);
  assertOneClearLine(result, /unknown command "frobnicate" \(run `vigil --help`/);
});

test('an unknown flag is a usage error (exit 2) with a one-line hint', async () => {
  const result = await runCli(['serve', '--bogus']);
  assert.equal(result.code, 2);
  assertOneClearLine(result, /^vigil: unknown option --bogus \(see `vigil serve --help`\)$/);
});

test('a config file with broken JSON names the file and the position (exit 1)', async () => {
  const file = join(tempDir(), 'vigil.json');
  writeFileSync(file, '{\n  "server": { "port": 80, }\n}\n');
  const result = await runCli(['serve', '--config', file]);
  assert.equal(result.code, 1);
  assertOneClearLine(result, new RegExp(`config file is not valid JSON \\(${file}:2:27\\)`));
});

test('a config file with a bad value names the key and the file (exit 1)', async () => {
  const file = join(tempDir(), 'vigil.json');
  writeFileSync(file, JSON.stringify({ server: { port: 'eighty' } }));
  const result = await runCli(['serve', '--config', file]);
  assert.equal(result.code, 1);
  assertOneClearLine(result, new RegExp(`server\\.port: must be .*\\(source: file ${file}\\)`));
});

test('a bad environment value names the key and the variable (exit 1)', async () => {
  const result = await runCli(['serve'], cliEnv({ VIGIL_PORT: '99999' }));
  assert.equal(result.code, 1);
  assertOneClearLine(
    result,
    /server\.port: must be between 0 and 65535, got 99999 \(source: env VIGIL_PORT\)/,
  );
});

test('a port already in use names host:port (exit 1)', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as { port: number }).port;
  try {
    const result = await runCli(['serve', '--port', String(port), '--data-dir', tempDir()]);
    assert.equal(result.code, 1);
    assertOneClearLine(
      result,
      new RegExp(`cannot listen \\(127\\.0\\.0\\.1:${port}\\): address already in use`),
    );
  } finally {
    blocker.close();
  }
});

test('a corrupt SQLite file in the data dir names the file (exit 1)', async () => {
  const dataDir = tempDir();
  const file = join(dataDir, SQLITE_FILE_NAME);
  writeFileSync(file, 'this is not a database, just some text that is long enough '.repeat(100));
  const result = await runCli(['serve', '--port', '0', '--data-dir', dataDir]);
  assert.equal(result.code, 1);
  assertOneClearLine(result, new RegExp(`\\(SQLite database ${file}\\): .+`));
});

test('distributed mode without service URLs says what to set (exit 1)', async () => {
  const result = await runCli(['serve', '--mode', 'distributed']);
  assert.equal(result.code, 1);
  assertOneClearLine(
    result,
    /postgres\.url: required \(set VIGIL_PG_URL.*nats\.url: required \(set VIGIL_NATS_URL/,
  );
  const worker = await runCli(['worker']);
  assert.equal(worker.code, 1);
  assertOneClearLine(worker, /invalid configuration for vigil worker: postgres\.url: required/);
});

test('unreachable PostgreSQL in distributed mode: one clear message (exit 1)', async () => {
  const env = cliEnv({
    VIGIL_MODE: 'distributed',
    VIGIL_PG_URL: 'postgres://vigil:hunter2@127.0.0.1:1/vigil',
    VIGIL_NATS_URL: 'nats://127.0.0.1:1',
  });
  const result = await runCli(['serve', '--port', '0'], env);
  assert.equal(result.code, 1);
  assertOneClearLine(result, /cannot connect to storage \(PostgreSQL 127\.0\.0\.1:1\/vigil\): .+/);
  assert.doesNotMatch(result.stderr, /hunter2/);
});

test(
  'unreachable NATS in distributed mode: one clear message (exit 1)',
  { skip: skipUnless(pgUrl(), 'VIGIL_PG_URL') },
  async () => {
    const env = cliEnv({
      VIGIL_MODE: 'distributed',
      VIGIL_PG_URL: pgUrl() ?? '',
      VIGIL_PG_SCHEMA: 'vigil_cli_bad_nats',
      VIGIL_NATS_URL: 'nats://127.0.0.1:1',
    });
    const result = await runCli(['serve', '--port', '0'], env);
    assert.equal(result.code, 1);
    assertOneClearLine(result, /cannot connect to the bus \(NATS 127\.0\.0\.1:1\): .+/);
  },
);

// Keeps the import used when NATS is configured (the smoke test in apps/worker uses it for real).
void natsUrl;
