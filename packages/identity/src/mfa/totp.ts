import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type TotpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

export interface TotpOptions {
  algorithm: TotpAlgorithm;
  digits: 6 | 7 | 8;
  periodSeconds: number;
}

/** What every authenticator app supports: SHA-1, 6 digits, 30 s (RFC 6238 defaults). */
export const DEFAULT_TOTP: Readonly<TotpOptions> = Object.freeze({
  algorithm: 'SHA1',
  digits: 6,
  periodSeconds: 30,
});

/** A new TOTP shared secret: 160 random bits, the HMAC-SHA-1 block-friendly size RFC 4226 recommends. */
export function newTotpSecret(): Buffer {
  return randomBytes(20);
}

/** The time step containing `epochMs`. */
export function totpStep(epochMs: number, periodSeconds = DEFAULT_TOTP.periodSeconds): number {
  return Math.floor(epochMs / 1000 / periodSeconds);
}

/** HOTP (RFC 4226) value for a counter. */
export function hotp(secret: Uint8Array, counter: number, options: TotpOptions = DEFAULT_TOTP): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(options.algorithm.toLowerCase(), secret).update(msg).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** options.digits).padStart(options.digits, '0');
}

/** TOTP (RFC 6238) code at `epochMs`. Example: `totp(secret, Date.now())` → `'287082'`. */
export function totp(secret: Uint8Array, epochMs: number, options: TotpOptions = DEFAULT_TOTP): string {
  return hotp(secret, totpStep(epochMs, options.periodSeconds), options);
}

export type TotpCheck =
  { ok: true; step: number } | { ok: false; reason: 'malformed' | 'invalid' | 'replayed' };

export interface VerifyTotpOptions {
  now: number;
  /** The step of the last accepted code for this secret: that step and earlier ones are refused (replay). */
  lastUsedStep?: number;
  /** Steps of clock drift accepted either side (default 1). */
  window?: number;
  totp?: TotpOptions;
}

/**
 * Checks a code within ±window steps, refusing steps at or before `lastUsedStep`.
 * On success the caller stores the returned `step` as the new `lastUsedStep` (atomically; see MfaStore).
 */
export function verifyTotp(secret: Uint8Array, code: string, options: VerifyTotpOptions): TotpCheck {
  const opts = options.totp ?? DEFAULT_TOTP;
  const clean = code.replace(/\s/g, '');
  if (!new RegExp(`^\\d{${opts.digits}}$`).test(clean)) return { ok: false, reason: 'malformed' };
  const window = options.window ?? 1;
  const current = totpStep(options.now, opts.periodSeconds);
  const presented = Buffer.from(clean, 'utf8');
  let matched: number | undefined;
  // Check every step in the window (no early exit) so timing does not reveal which one matched.
  for (let step = current - window; step <= current + window; step++) {
    const expected = Buffer.from(hotp(secret, step, opts), 'utf8');
    if (timingSafeEqual(expected, presented) && matched === undefined) matched = step;
  }
  if (matched === undefined) return { ok: false, reason: 'invalid' };
  if (options.lastUsedStep !== undefined && matched <= options.lastUsedStep)
    return { ok: false, reason: 'replayed' };
  return { ok: true, step: matched };
}
