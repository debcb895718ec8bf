import { randomBytes } from 'node:crypto';
import { masterKeyInvalid } from './secret.error.ts';

/** A master key-encryption key: 32 bytes, named by an id stored in every sealed value it wraps. */
export interface MasterKey {
  /** `[A-Za-z0-9_-]{1,32}`, e.g. `k2026a`. */
  id: string;
  key: Uint8Array;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Validates a master key (from a file or `VIGIL_MASTER_KEY`, read by the composition root) given as base64/base64url. */
export function parseMasterKey(id: string, encoded: string): MasterKey {
  if (!KEY_ID.test(id)) throw masterKeyInvalid('key id must match [A-Za-z0-9_-]{1,32}');
  const trimmed = encoded.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) throw masterKeyInvalid('not base64');
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw masterKeyInvalid(`expected 32 bytes, got ${key.length}`);
  return { id, key };
}

/** A new random master key, printed once by the key-generation command. */
export function generateMasterKey(id: string): MasterKey & { encoded: string } {
  if (!KEY_ID.test(id)) throw masterKeyInvalid('key id must match [A-Za-z0-9_-]{1,32}');
  const key = randomBytes(32);
  return { id, key, encoded: key.toString('base64') };
}
