// Spawns a real `vigil serve` (a separate process, so it can be killed with SIGKILL) for the ingest
// reliability tests, on a temporary data dir prepared with the CLI as an operator would.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseQuery } from '@vigil/query';
import { openSqliteStorage } from '@vigil/store-sqlite';

const REPO_ROOT = join(import.meta.dirname, '../../../../..');
const BIN = join(REPO_ROOT, 'apps/cli/bin/vigil.mjs');
const PASSWORD = 'Reliability-Test-42!';

export interface RunningVigil {
  child: ChildProcess;
  /** http://127.0.0.1:PORT */
  base: string;
  /** Everything the process wrote (stdout + stderr), for failure messages. */
  output: () => string;
}

/** Only PATH/HOME and `VIGIL_*` settings of the test: no developer or CI variable leaks in. */
function env(extra: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '/tmp',
    VIGIL_LOG_LEVEL: 'warn',
    ...extra,
  };
}

function run(
  args: string[],
  input?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    env: env({}),
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (input !== undefined) child.stdin?.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** First-run set-up of `dir` and one ingest token for default/default (returned). */
export async function prepareDataDir(dir: string): Promise<string> {
  const setup = await run(
    ['setup', '--admin', 'owner', '--password-stdin', '--data-dir', dir],
    `${PASSWORD}\n`,
  );
  assert.equal(setup.code, 0, setup.stderr);
  const token = await run([
    'tokens',
    'create',
    '--workspace',
    'default',
    '--name',
    'sender',
    '--data-dir',
    dir,
  ]);
  assert.equal(token.code, 0, token.stderr);
  return token.stdout.trim();
}

/** Starts `vigil serve --port 0` on `dir` (syslog listeners off unless `extra` turns them on). */
export function startVigil(dir: string, extra: Record<string, string> = {}): Promise<RunningVigil> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data-dir', dir], {
    cwd: REPO_ROOT,
    env: env({
      VIGIL_SYSLOG_UDP_ENABLED: 'false',
      VIGIL_SYSLOG_TCP_ENABLED: 'false',
      VIGIL_SYSLOG_TLS_ENABLED: 'false',
      ...extra,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('did not report running within 30 s'), 30_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`vigil serve ${why}. Output:\n${output}`));
    };
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
      const match = /Vigil is running at (https?:\/\/[^\s/]+)\//u.exec(output);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve({ child, base: match[1], output: () => output });
    });
    const onExit = (code: number | null, signal: string | null) => fail(`exited early (${code ?? signal})`);
    child.on('exit', onExit);
  });
}

/** SIGKILL: no shutdown hook runs, as in a power cut or the OOM killer. */
export async function killHard(vigil: RunningVigil): Promise<void> {
  if (vigil.child.exitCode !== null || vigil.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => vigil.child.once('exit', () => resolve()));
  vigil.child.kill('SIGKILL');
  await exited;
}

/** SIGTERM and wait (killed after 15 s, which fails the test). */
export async function stopVigil(vigil: RunningVigil): Promise<void> {
  if (vigil.child.exitCode !== null || vigil.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => vigil.child.once('exit', () => resolve()));
  vigil.child.kill('SIGTERM');
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(resolve, 15_000, true).unref()),
  ]);
  if (timedOut) {
    vigil.child.kill('SIGKILL');
    await exited;
    assert.fail('vigil serve did not exit within 15 s of SIGTERM');
  }
}

/** Resident memory of the server process in bytes (Linux /proc), or undefined once it is gone. */
export function rssOf(vigil: RunningVigil): number | undefined {
  try {
    const status = readFileSync(`/proc/${vigil.child.pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/u.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** The value of a Prometheus counter summed over its samples (loopback may read /metrics). */
export async function metricTotal(vigil: RunningVigil, name: string): Promise<number> {
  const text = await (await fetch(`${vigil.base}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) total += Number(line.split(' ').at(-1));
  }
  return total;
}

/** How many times each `message` is stored in workspace `default` (read from the stopped server's data dir). */
export async function storedMessageCounts(
  dir: string,
  from: number,
  to: number,
): Promise<Map<string, number>> {
  const storage = await openSqliteStorage({ dataDir: dir });
  try {
    const search = storage.search;
    assert.ok(search);
    const { plan } = parseQuery('*');
    assert.ok(plan);
    const counts = new Map<string, number>();
    for await (const rows of search.stream({
      workspace: 'default',
      from,
      to,
      plan,
      limit: 10_000,
      now: to,
    })) {
      for (const row of rows) {
        const message = String(row['message']);
        counts.set(message, (counts.get(message) ?? 0) + 1);
      }
    }
    return counts;
  } finally {
    await storage.close();
  }
}
