import { base32Encode } from './base32.ts';
import { DEFAULT_TOTP, type TotpOptions } from './totp.ts';

/**
 * The `otpauth://totp/…` URI authenticator apps scan as a QR code (Key Uri Format).
 * Example: `otpauthUri({ issuer: 'Vigil', account: 'alice', secret })` →
 * `otpauth://totp/Vigil:alice?secret=…&issuer=Vigil&algorithm=SHA1&digits=6&period=30`.
 */
export function otpauthUri(input: {
  issuer: string;
  account: string;
  secret: Uint8Array;
  totp?: TotpOptions;
}): string {
  const opts = input.totp ?? DEFAULT_TOTP;
  const label = `${encodeURIComponent(input.issuer)}:${encodeURIComponent(input.account)}`;
  const params = new URLSearchParams({
    secret: base32Encode(input.secret),
    issuer: input.issuer,
    algorithm: opts.algorithm,
    digits: String(opts.digits),
    period: String(opts.periodSeconds),
  });
  return `otpauth://totp/${label}?${params.toString().replace(/\+/g, '%20')}`;
}
