// The CLI side of the run-wide secret scan (scripts/run-tests.ts): what tests hand to `vigil` (passwords
// on stdin, secret settings in the environment) and what it issues (tokens) is registered, and its
// stderr, where logs and error messages go, is kept for the scan.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerTestSecret, TEST_SECRETS_DIR_ENV } from '@vigil/testkit';

/** Settings whose value is a secret; `_FILE`/`_PATH` settings name a file and are not. */
const SECRET_SETTING = /(KEY|SECRET|PASSWORD|TOKEN)$/;
/** The machine-token format `vigil tokens create` prints once, by design, on stdout. */
const ISSUED_TOKEN = /vigil_[a-z]{2}_[0-9a-f]{16}_[A-Za-z0-9_-]{43}/g;

export function registerCliInput(input: { stdin?: string; env?: Record<string, string | undefined> }): void {
  for (const line of (input.stdin ?? '').split('\n')) registerTestSecret('password (stdin)', line.trim());
  for (const [key, value] of Object.entries(input.env ?? {})) {
    if (value === undefined) continue;
    if (SECRET_SETTING.test(key)) registerTestSecret(key, value);
    // Connection URLs carry their password inline.
    if (key.endsWith('_URL') && URL.canParse(value)) {
      const password = decodeURIComponent(new URL(value).password);
      if (password !== '') registerTestSecret(`${key} password`, password);
    }
  }
}

/** Registers every machine token in printed output. */
export function registerIssuedTokens(stdout: string): void {
  for (const [token] of stdout.matchAll(ISSUED_TOKEN)) registerTestSecret('issued token', token);
}

/**
 * Where a CLI run's stderr goes for the scan (undefined outside the runner). Appended synchronously: the
 * test process may exit right after the command, before a stream would flush.
 */
export function stderrForScan(): ((chunk: string) => void) | undefined {
  const dir = process.env[TEST_SECRETS_DIR_ENV];
  if (!dir) return undefined;
  const file = join(dir, `vigil-cli-stderr-${process.pid}.log`);
  return (chunk) => appendFileSync(file, chunk);
}
