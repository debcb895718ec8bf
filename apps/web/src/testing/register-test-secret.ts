// The console's tests may not import @vigil/testkit (HTTP-only boundary), so this mirrors its
// registerTestSecret: same directory (VIGIL_TEST_SECRETS_DIR, set by scripts/run-tests.ts) and format.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

/** Registers a secret a browser test created, for the run-wide scan of output and server logs. */
export function registerTestSecret(kind: string, value: string): void {
  const dir = process.env['VIGIL_TEST_SECRETS_DIR'];
  if (!dir || value.length < 8) return;
  appendFileSync(join(dir, `secrets-${process.pid}.jsonl`), `${JSON.stringify({ kind, value })}\n`);
}
