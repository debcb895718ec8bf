import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { base32Encode } from './base32.ts';

export const RECOVERY_CODE_COUNT = 10;

/** A stored recovery code: only its hash is kept. */
export interface RecoveryCodeRecord {
  /** SHA-256 (base64url) of the normalised code. */
  hash: string;
  /** Epoch ms it was used; a used code never works again. */
  usedAt?: number;
}

function normalise(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * SHA-256 of a normalised recovery code. A fast hash is enough: each code carries 80 random bits,
 * far beyond offline guessing, like API tokens.
 */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normalise(code), 'utf8').digest('base64url');
}

/**
 * Ten fresh single-use codes (`xxxx-xxxx-xxxx-xxxx`, 80 bits each): show `codes` to the user once and
 * keep only `records`. Generating a new set replaces the old one.
 */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): {
  codes: string[];
  records: RecoveryCodeRecord[];
} {
  const codes = Array.from({ length: count }, () =>
    (base32Encode(randomBytes(10)).toLowerCase().match(/.{4}/g) ?? []).join('-'),
  );
  return { codes, records: codes.map((c) => ({ hash: hashRecoveryCode(c) })) };
}

/**
 * Finds the unused record matching `code`. Returns its index, or -1. Every record is compared (no early
 * exit). The caller marks it used atomically through `MfaStore.useRecoveryCode`, which is what makes it single-use.
 */
export function matchRecoveryCode(records: readonly RecoveryCodeRecord[], code: string): number {
  const presented = Buffer.from(hashRecoveryCode(code), 'utf8');
  let found = -1;
  records.forEach((r, i) => {
    const stored = Buffer.from(r.hash, 'utf8');
    const same = stored.length === presented.length && timingSafeEqual(stored, presented);
    if (same && r.usedAt === undefined && found < 0) found = i;
  });
  return found;
}

/** How many codes are still usable (the console warns when few remain). */
export function remainingRecoveryCodes(records: readonly RecoveryCodeRecord[]): number {
  return records.filter((r) => r.usedAt === undefined).length;
}
