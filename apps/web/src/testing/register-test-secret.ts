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

/** Field names whose string values (or arrays of them) are credentials: passwords, issued tokens, seeds. */
const CREDENTIAL_FIELD = /password$|^token$|^secret$|^recoveryCodes$|^csrfToken$/i;

/**
 * Registers the credential fields of a request or response body (top level), so helpers that pass bodies
 * through cover every test using them. Not for the set-up call: its token is printed by the server by
 * design (the one-time link), so it must stay out of the registry.
 */
export function registerCredentialFields(body: unknown): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
  for (const [field, value] of Object.entries(body)) {
    if (!CREDENTIAL_FIELD.test(field)) continue;
    for (const v of Array.isArray(value) ? (value as unknown[]) : [value])
      if (typeof v === 'string') registerTestSecret(field, v);
  }
}
