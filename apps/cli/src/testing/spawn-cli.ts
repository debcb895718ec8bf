import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { registerCliInput, registerIssuedTokens, stderrForScan } from './cli-test-secrets.ts';

/** The repository root: tests run the real `vigil` from here, as users do with `npx vigil`. */
export const REPO_ROOT = join(import.meta.dirname, '../../../..');
const BIN = join(REPO_ROOT, 'apps/cli/bin/vigil.mjs');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A minimal environment: no VIGIL_* leaks in from the developer's shell or CI. */
export function cliEnv(extra: Record<string, string> = {}): Record<string, string> {
  registerCliInput({ env: extra });
  return {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '/tmp',
    VIGIL_LOG_LEVEL: 'warn',
    ...extra,
  };
}

export interface RunningCli {
  child: ChildProcess;
  /** Resolves with the first stdout line matching, rejects if the process exits first. */
  waitForLine(pattern: RegExp): Promise<string>;
  /** Resolves when the process has exited. */
  exited: Promise<CliResult>;
}

/** Starts `node apps/cli/bin/vigil.mjs <args>` (process.execPath is Node 24 under the test runner). */
export function startCli(args: string[], env: Record<string, string> = cliEnv()): RunningCli {
  registerCliInput({ env });
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  // The setup link on stdout is printed by design (and its token never registered); logs go to stderr.
  const scan = stderrForScan();
  const waiters: { pattern: RegExp; resolve: (line: string) => void; reject: (e: Error) => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      const line = stdout.split('\n').find((l) => w.pattern.test(l));
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    registerIssuedTokens(chunk.toString());
    check();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    scan?.(chunk.toString());
  });
  const exited = new Promise<CliResult>((resolve) => {
    child.on('close', (code, signal) => {
      for (const w of waiters.splice(0)) {
        w.reject(
          new Error(
            `vigil exited (${code ?? signal}) before printing ${w.pattern}\nstdout: ${stdout}\nstderr: ${stderr}`,
          ),
        );
      }
      resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    child,
    exited,
    waitForLine: (pattern) =>
      new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve, reject });
        check();
      }),
  };
}

/** Runs `vigil <args>` to completion. */
export function runCli(args: string[], env: Record<string, string> = cliEnv()): Promise<CliResult> {
  return startCli(args, env).exited;
}

/** The lines a failed command wrote for humans (log records are JSON lines and left out). */
export function messageLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l !== '' && !l.startsWith('{'));
}
