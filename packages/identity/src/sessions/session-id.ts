import { createHash, randomBytes } from 'node:crypto';

/**
 * A new session id: 256 bits from the CSPRNG, base64url (43 characters).
 * Example: `newSessionId()` → `'q3V…Zk'`.
 */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The key a session is stored under: SHA-256 of the id, so a leaked session table does not yield
 * usable cookies. A fast hash is enough because the id has 256 bits of entropy.
 */
export function sessionKey(sessionId: string): string {
  return createHash('sha256').update(sessionId, 'utf8').digest('base64url');
}

/** True for a string shaped like an id from `newSessionId` (cheap pre-check before touching the store). */
export function isWellFormedSessionId(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
