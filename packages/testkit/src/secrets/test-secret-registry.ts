import { appendFileSync, createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';

/** Set by scripts/run-tests.ts: the run-wide directory of registered secrets and spawned-process logs. */
export const TEST_SECRETS_DIR_ENV = 'VIGIL_TEST_SECRETS_DIR';

/** Shorter values (role names, short codes) would match ordinary output and prove nothing. */
export const MIN_SECRET_LENGTH = 8;

/**
 * Registers a secret value a test created (password, token, TOTP seed, master key, session id), so the
 * run-wide scan in scripts/run-tests.ts fails if it shows up in any output or server log. A no-op
 * outside that runner.
 */
export function registerTestSecret(kind: string, value: string): void {
  const dir = process.env[TEST_SECRETS_DIR_ENV];
  if (!dir || value.length < MIN_SECRET_LENGTH) return;
  appendFileSync(join(dir, `secrets-${process.pid}.jsonl`), `${JSON.stringify({ kind, value })}\n`);
}

let logCount = 0;

/**
 * A file in the run-wide directory for a spawned process's output (e.g. `vigil serve`), scanned at the
 * end of the run; undefined outside the runner.
 */
export function testLogStream(name: string): WriteStream | undefined {
  const dir = process.env[TEST_SECRETS_DIR_ENV];
  if (!dir) return undefined;
  const safe = name.replace(/[^A-Za-z0-9_-]/g, '_');
  return createWriteStream(join(dir, `${safe}-${process.pid}-${++logCount}.log`));
}
