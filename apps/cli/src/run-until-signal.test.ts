import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { cliEnv } from './testing/spawn-cli.ts';

/** Starts the fixture (whose graceful close hangs) and resolves once it is waiting for signals. */
function startFixture(timeoutMs: number) {
  const child = spawn(
    process.execPath,
    [join(import.meta.dirname, 'testing/signal-fixture.ts'), String(timeoutMs)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: cliEnv(),
    },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const ready = new Promise<void>((resolve) => {
    child.stdout.on('data', (c: Buffer) => {
      if (c.toString().includes('ready')) resolve();
    });
  });
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => {
    child.on('close', (code) => resolve({ code, stderr }));
  });
  return { child, ready, exited };
}

test('a second signal during a hung shutdown forces exit 1', async () => {
  const fixture = startFixture(600_000);
  await fixture.ready;
  fixture.child.kill('SIGTERM');
  // The first signal's handler has run once the process has swapped in the "second signal" handlers;
  // re-sending until it exits avoids racing that swap without any timing assumption.
  const timer = setInterval(() => fixture.child.kill('SIGINT'), 50);
  const result = await fixture.exited;
  clearInterval(timer);
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, /vigil: second signal during shutdown: forced exit/);
});

test('a shutdown that outlives the timeout forces exit 1', async () => {
  const fixture = startFixture(100);
  await fixture.ready;
  fixture.child.kill('SIGTERM');
  const result = await fixture.exited;
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, /vigil: shutdown took longer than 100 ms: forced exit/);
});
