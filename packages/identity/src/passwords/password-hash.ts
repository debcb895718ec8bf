import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';
import { unexpectedError } from '@vigil/core';

/** Argon2id cost parameters, as stored in the PHC string. */
export interface Argon2Params {
  /** Memory in KiB. */
  memoryKiB: number;
  /** Passes (time cost). */
  passes: number;
  parallelism: number;
}

/**
 * OWASP Password Storage Cheat Sheet's first Argon2id configuration: m=19 MiB, t=2, p=1
 * (~50 ms on the 2-core build machines). Raise these over time; `needsRehash` upgrades hashes at login.
 */
export const OWASP_ARGON2ID: Readonly<Argon2Params> = Object.freeze({
  memoryKiB: 19456,
  passes: 2,
  parallelism: 1,
});

const SALT_BYTES = 16;
const TAG_BYTES = 32;
const ARGON2_VERSION = 19;
const PHC = /^\$argon2id\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

interface ParsedHash extends Argon2Params {
  version: number;
  salt: Buffer;
  tag: Buffer;
}

function b64(buf: Buffer): string {
  return buf.toString('base64').replace(/=+$/, '');
}

function derive(password: string, salt: Buffer, params: Argon2Params, tagLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    argon2(
      'argon2id',
      {
        message: Buffer.from(password.normalize('NFC'), 'utf8'),
        nonce: salt,
        parallelism: params.parallelism,
        tagLength,
        memory: params.memoryKiB,
        passes: params.passes,
      },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

function parse(phc: string): ParsedHash {
  const m = PHC.exec(phc);
  if (!m)
    throw unexpectedError('PASSWORD_HASH_MALFORMED', 'Stored password hash is not an Argon2id PHC string');
  const salt = Buffer.from(m[5] ?? '', 'base64');
  const tag = Buffer.from(m[6] ?? '', 'base64');
  if (salt.length < 8 || tag.length < 16) {
    throw unexpectedError('PASSWORD_HASH_MALFORMED', 'Stored password hash has a too-short salt or tag');
  }
  const parsed = {
    version: Number(m[1]),
    memoryKiB: Number(m[2]),
    passes: Number(m[3]),
    parallelism: Number(m[4]),
  };
  // A corrupted or planted row must not make one login allocate gigabytes or spin for minutes.
  if (
    parsed.memoryKiB > 1_048_576 ||
    parsed.passes > 32 ||
    parsed.parallelism < 1 ||
    parsed.parallelism > 16
  ) {
    throw unexpectedError('PASSWORD_HASH_MALFORMED', 'Stored password hash has out-of-range parameters');
  }
  return { ...parsed, salt, tag };
}

/**
 * Hashes a password with Argon2id and a fresh 16-byte salt.
 * Example: `await hashPassword('correct horse')` → `$argon2id$v=19$m=19456,t=2,p=1$…$…`.
 */
export async function hashPassword(password: string, params: Argon2Params = OWASP_ARGON2ID): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const tag = await derive(password, salt, params, TAG_BYTES);
  return `$argon2id$v=${ARGON2_VERSION}$m=${params.memoryKiB},t=${params.passes},p=${params.parallelism}$${b64(salt)}$${b64(tag)}`;
}

/** Constant-time check of a password against a stored PHC string (using the parameters stored in it). */
export async function verifyPassword(password: string, phc: string): Promise<boolean> {
  const parsed = parse(phc);
  if (parsed.version !== ARGON2_VERSION) return false;
  const tag = await derive(password, parsed.salt, parsed, parsed.tag.length);
  return tag.length === parsed.tag.length && timingSafeEqual(tag, parsed.tag);
}

/** True when a stored hash was made with other parameters than `params` and should be replaced after a successful login. */
export function needsRehash(phc: string, params: Argon2Params = OWASP_ARGON2ID): boolean {
  const parsed = parse(phc);
  return (
    parsed.version !== ARGON2_VERSION ||
    parsed.memoryKiB !== params.memoryKiB ||
    parsed.passes !== params.passes ||
    parsed.parallelism !== params.parallelism ||
    parsed.tag.length !== TAG_BYTES
  );
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification, for logins naming an unknown account, so response time
 * does not reveal which accounts exist. Always resolves to false.
 */
export async function verifyPasswordOfUnknownAccount(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await dummyHash);
  return false;
}
