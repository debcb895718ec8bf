// Test servers register every credential they hand out (API keys, ingest tokens, TOTP seeds, recovery
// codes, session ids), so the run-wide secret scan covers tests that create them inline too.
import type { FastifyInstance } from 'fastify';
import { registerTestSecret } from '@vigil/testkit';

/** Top-level response fields that carry a credential shown once. */
const SECRET_FIELDS: Record<string, string> = {
  token: 'issued token',
  secret: 'TOTP secret',
  csrfToken: 'CSRF token',
  recoveryCodes: 'recovery code',
};

function registerBody(payload: string): void {
  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch {
    return;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
  for (const [field, kind] of Object.entries(SECRET_FIELDS)) {
    const value = (body as Record<string, unknown>)[field];
    for (const v of Array.isArray(value) ? value : [value])
      if (typeof v === 'string') registerTestSecret(kind, v);
  }
}

function registerCookies(header: unknown): void {
  for (const c of Array.isArray(header) ? header : [header]) {
    if (typeof c !== 'string') continue;
    const value = /^[^=]+=([^;]*)/.exec(c)?.[1];
    if (value) registerTestSecret('session cookie', value);
  }
}

/** Adds the hook; call before `ready()`. */
export function registerIssuedSecrets(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode < 300) {
      registerCookies(reply.getHeader('set-cookie'));
      if (typeof payload === 'string' && /json/.test(String(reply.getHeader('content-type') ?? '')))
        registerBody(payload);
    }
    return payload;
  });
}
