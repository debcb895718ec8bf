// Runs the real `vigil` command for the end-to-end benchmarks: set-up and token creation through the
// CLI, then `vigil serve` as a child process (embedded mode, syslog listeners off), as a user would.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..');
const cli = join(repoRoot, 'apps/cli/bin/vigil.mjs');

function env(): NodeJS.ProcessEnv {
  return {
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VIGIL_'))),
    VIGIL_SYSLOG_UDP_ENABLED: 'false',
    VIGIL_SYSLOG_TCP_ENABLED: 'false',
    VIGIL_SYSLOG_TLS_ENABLED: 'false',
  };
}

/** Runs one `vigil` command to completion and returns its stdout; a non-zero exit throws with stderr. */
export function runVigil(args: readonly string[], stdin = ''): Promise<string> {
  const child = spawn(process.execPath, [cli, ...args], { cwd: repoRoot, env: env() });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`vigil ${args.join(' ')} exited ${code}: ${err}`)),
    );
  });
}

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  /** Peak resident set of the server process so far, MB (Linux /proc; NaN elsewhere). */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/** `vigil serve --port 0` on a set-up data dir; resolves with its URL once it listens. */
export function startServe(dataDir: string): Promise<ServeProcess> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data-dir', dataDir], {
    cwd: repoRoot,
    env: env(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('did not start within 60 s'), 60_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`vigil serve ${why}. Output:\n${output}`));
    };
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
      const match = /Vigil is running at (\S+?)\/?\n/u.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve({ child, url: match[1], peakRssMb: () => peakRssOf(child.pid), stop: () => stop(child) });
    });
    const onExit = (code: number | null) => fail(`exited early (${code})`);
    child.on('exit', onExit);
  });
}

function peakRssOf(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/u.exec(status)?.[1];
    return kb === undefined ? NaN : Math.round((Number(kb) * 1024) / 1e6);
  } catch {
    return NaN;
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
