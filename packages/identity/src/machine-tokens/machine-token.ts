import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `api_key`: a machine identity holding one role in one workspace. `ingest`: may only send events to one data space. */
export type MachineTokenKind = 'api_key' | 'ingest';

/** The stored side of an API key or ingest token: the secret part is kept only as a hash. */
export interface MachineToken {
  /** Public id (16 hex digits), also embedded in the token so lookup needs no scan. */
  id: string;
  kind: MachineTokenKind;
  name: string;
  workspaceId: string;
  /** Role granted to an API key (validated with `canGrantRole` at creation). */
  roleId?: string;
  /** Target data space of an ingest token. */
  dataSpace?: string;
  /** SHA-256 (base64url) of the secret part; 256 random bits make a fast hash sufficient. */
  secretHash: string;
  createdBy: string;
  createdAt: number;
  expiresAt?: number;
  lastUsedAt?: number;
  revokedAt?: number;
}

export type MachineTokenCheck =
  { ok: true } | { ok: false; reason: 'malformed' | 'unknown' | 'revoked' | 'expired' };

const PREFIX: Record<MachineTokenKind, string> = { api_key: 'vigil_ak', ingest: 'vigil_it' };
const TOKEN = /^vigil_(ak|it)_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64url');
}

/**
 * Creates a token: `token` is shown once (`vigil_ak_<id>_<secret>`, a prefix secret scanners can match);
 * `record` is stored. Example: `issueMachineToken({ kind: 'ingest', … }).token` → `'vigil_it_3f…_Qm…'`.
 */
export function issueMachineToken(
  input: Omit<MachineToken, 'id' | 'secretHash' | 'lastUsedAt' | 'revokedAt'>,
): { token: string; record: MachineToken } {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return {
    token: `${PREFIX[input.kind]}_${id}_${secret}`,
    record: { ...input, id, secretHash: hashSecret(secret) },
  };
}

/** Splits a presented token into kind and id for the store lookup; undefined when it is not one of ours. */
export function parseMachineToken(
  token: string,
): { kind: MachineTokenKind; id: string; secret: string } | undefined {
  const m = TOKEN.exec(token.trim());
  if (!m) return undefined;
  return { kind: m[1] === 'ak' ? 'api_key' : 'ingest', id: m[2] ?? '', secret: m[3] ?? '' };
}

/** Checks a presented token against its stored record (constant-time on the hash, then revocation and expiry). */
export function checkMachineToken(
  record: MachineToken | undefined,
  token: string,
  now: number,
): MachineTokenCheck {
  const parsed = parseMachineToken(token);
  if (!parsed) return { ok: false, reason: 'malformed' };
  if (!record || record.id !== parsed.id || record.kind !== parsed.kind)
    return { ok: false, reason: 'unknown' };
  const a = Buffer.from(hashSecret(parsed.secret), 'utf8');
  const b = Buffer.from(record.secretHash, 'utf8');
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, reason: 'unknown' };
  if (record.revokedAt !== undefined) return { ok: false, reason: 'revoked' };
  if (record.expiresAt !== undefined && now >= record.expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true };
}
