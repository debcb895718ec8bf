import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The stored side of the one-time setup token: only its hash. */
export interface SetupTokenRecord {
  /** SHA-256 (base64url) of the token; 256 random bits make a fast hash sufficient. */
  hash: string;
  createdAt: number;
  expiresAt: number;
  usedAt?: number;
}

export type SetupTokenCheck =
  { ok: true } | { ok: false; reason: 'malformed' | 'unknown' | 'expired' | 'used' };

/** One hour: long enough to open the printed link, short enough that a leaked terminal log goes stale. */
export const SETUP_TOKEN_TTL_MS = 60 * 60_000;

export function hashSetupToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/**
 * A fresh one-time setup token (256-bit, base64url). Print `token` once (in the setup link); store `record`.
 * Example: `issueSetupToken(Date.now())` → `{ token: 'Jx…', record: { hash, createdAt, expiresAt } }`.
 */
export function issueSetupToken(
  now: number,
  ttlMs = SETUP_TOKEN_TTL_MS,
): { token: string; record: SetupTokenRecord } {
  const token = randomBytes(32).toString('base64url');
  return { token, record: { hash: hashSetupToken(token), createdAt: now, expiresAt: now + ttlMs } };
}

/** Checks a presented token against the stored record (constant-time on the hash). */
export function checkSetupToken(
  record: SetupTokenRecord | undefined,
  presented: string,
  now: number,
): SetupTokenCheck {
  if (!/^[A-Za-z0-9_-]{43}$/.test(presented)) return { ok: false, reason: 'malformed' };
  if (!record) return { ok: false, reason: 'unknown' };
  const a = Buffer.from(hashSetupToken(presented), 'utf8');
  const b = Buffer.from(record.hash, 'utf8');
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, reason: 'unknown' };
  if (record.usedAt !== undefined) return { ok: false, reason: 'used' };
  if (now >= record.expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true };
}

/**
 * The link `vigil serve` prints. The token travels in the fragment, which browsers never send to the
 * server, so it cannot end up in access logs, proxies or Referer headers; the setup page posts it.
 */
export function setupLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/setup#token=${token}`;
}
