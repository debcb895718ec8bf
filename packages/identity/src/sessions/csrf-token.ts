import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * CSRF token bound to the session (HMAC synchronizer token): `HMAC-SHA256(secret, session id)`.
 * Nothing extra is stored, the token changes whenever the session id rotates, and a token stolen from
 * one session is useless in another. The server sends it in a readable cookie or the login response;
 * clients echo it in the `X-CSRF-Token` header on writes.
 * Example: `csrfTokenFor(sessionId, secret)` → 43-character base64url string.
 */
export function csrfTokenFor(sessionId: string, secret: Uint8Array): string {
  return createHmac('sha256', secret).update('vigil-csrf:v1:').update(sessionId, 'utf8').digest('base64url');
}

/** Constant-time check of a presented CSRF token against the session. */
export function verifyCsrfToken(
  sessionId: string,
  presented: string | undefined,
  secret: Uint8Array,
): boolean {
  if (presented === undefined) return false;
  const expected = Buffer.from(csrfTokenFor(sessionId, secret), 'utf8');
  const got = Buffer.from(presented, 'utf8');
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** Cookie-authenticated requests with these methods change state and need a CSRF token. */
export function requiresCsrfCheck(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}
