// Starts and stops a real `vigil serve` for the console's browser tests (Node side, not bundled).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { registerTestSecret } from './register-test-secret.ts';

export const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');

let serverCount = 0;

/**
 * Starts `vigil serve` on a free port with a fresh data dir and waits for its one-time setup link.
 * Syslog listeners are off so that parallel suites do not collide on 5514/6514; `VIGIL_*` variables of
 * the calling environment are dropped so the server runs on its defaults plus `extraEnv`.
 */
export function startVigilServer(
  dir: string,
  extraEnv: Record<string, string> = {},
): Promise<{ server: ChildProcess; setupLink: string }> {
  // Secrets handed to the server (master keys, OIDC client secrets, passwords) must never reach its log.
  for (const [key, value] of Object.entries(extraEnv))
    if (/(KEY|SECRET|PASSWORD|TOKEN)$/.test(key)) registerTestSecret(key, value);
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VIGIL_'))),
    VIGIL_SYSLOG_UDP_ENABLED: 'false',
    VIGIL_SYSLOG_TCP_ENABLED: 'false',
    VIGIL_SYSLOG_TLS_ENABLED: 'false',
    ...extraEnv,
  };
  const child = spawn(
    process.execPath,
    ['apps/cli/bin/vigil.mjs', 'serve', '--port', '0', '--data-dir', dir],
    {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  // The server's whole output goes to the run-wide secret scan of scripts/run-tests.ts (the console may
  // not import @vigil/testkit, whose testLogStream does the same).
  const secretsDir = process.env['VIGIL_TEST_SECRETS_DIR'];
  const log = secretsDir
    ? createWriteStream(join(secretsDir, `vigil-serve-${process.pid}-${++serverCount}.log`))
    : undefined;
  if (log) {
    child.stdout?.on('data', (chunk: Buffer) => log.write(chunk));
    child.stderr?.on('data', (chunk: Buffer) => log.write(chunk));
    child.once('exit', () => log.end());
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('printed no setup link within 30 s'), 30_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`vigil serve ${why}. Output:\n${output}`));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Finish set-up \(one-time link\): (\S+)/u.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      child.stdout?.resume();
      resolve({ server: child, setupLink: match[1] });
    };
    const onExit = (code: number | null, signal: string | null) => fail(`exited early (${code ?? signal})`);
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', onExit);
    child.on('error', (error) => fail(`could not start: ${error.message}`));
  });
}

/** SIGTERM, then wait for the exit; a server that ignores it is killed and the test fails. */
export async function stopVigilServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(resolve, 10_000, true).unref()),
  ]);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
    assert.fail('vigil serve did not exit within 10 s of SIGTERM');
  }
}
