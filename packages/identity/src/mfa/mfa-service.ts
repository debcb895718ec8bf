import { userError, type Clock } from '@vigil/core';
import type { SecretBox } from '../secrets/secret-box.ts';
import { base32Encode } from './base32.ts';
import { mfaSecretAad, type MfaEnrolment } from './mfa-enrolment.ts';
import type { MfaStore } from './mfa.port.ts';
import { otpauthUri } from './otpauth-uri.ts';
import { generateRecoveryCodes, matchRecoveryCode, remainingRecoveryCodes } from './recovery-codes.ts';
import { newTotpSecret, verifyTotp } from './totp.ts';

export type MfaCheck =
  | { ok: true; method: 'totp' }
  | { ok: true; method: 'recovery_code'; remaining: number }
  | { ok: false; reason: 'not_enrolled' | 'malformed' | 'invalid' | 'replayed' };

/**
 * TOTP enrolment and verification over an `MfaStore`, with the shared secret sealed by `SecretBox`.
 * Enrolment needs a first valid code before it counts; recovery codes are handed out at that moment, once.
 */
export class MfaService {
  readonly #store: MfaStore;
  readonly #box: SecretBox;
  readonly #clock: Clock;
  readonly #issuer: string;

  constructor(store: MfaStore, box: SecretBox, clock: Clock, issuer = 'Vigil') {
    this.#store = store;
    this.#box = box;
    this.#clock = clock;
    this.#issuer = issuer;
  }

  async isEnrolled(userId: string): Promise<boolean> {
    return (await this.#store.get(userId))?.confirmedAt !== undefined;
  }

  /** Starts (or restarts) enrolment: returns the secret for manual entry and the `otpauth://` URI for the QR code. */
  async begin(userId: string, accountName: string): Promise<{ secret: string; uri: string }> {
    if (await this.isEnrolled(userId)) {
      throw userError('MFA_ALREADY_ENROLLED', 'Remove the current authenticator before adding another', {
        status: 409,
      });
    }
    const secret = newTotpSecret();
    await this.#store.put({
      userId,
      sealedSecret: this.#box.seal(secret, mfaSecretAad(userId)),
      recoveryCodes: [],
    });
    return {
      secret: base32Encode(secret),
      uri: otpauthUri({ issuer: this.#issuer, account: accountName, secret }),
    };
  }

  /** Completes enrolment with a first code; returns the ten recovery codes to show once. */
  async confirm(userId: string, code: string): Promise<{ recoveryCodes: string[] }> {
    const row = await this.#store.get(userId);
    if (!row || row.confirmedAt !== undefined) {
      throw userError('MFA_NOT_PENDING', 'No authenticator enrolment is in progress', { status: 409 });
    }
    const check = verifyTotp(this.#secret(row), code, { now: this.#clock.now() });
    if (!check.ok) throw userError('MFA_CODE_INVALID', 'The code is not valid', { status: 400 });
    const { codes, records } = generateRecoveryCodes();
    await this.#store.put({
      ...row,
      confirmedAt: this.#clock.now(),
      lastUsedStep: check.step,
      recoveryCodes: records,
    });
    return { recoveryCodes: codes };
  }

  /** Second-factor check at login or step-up: a TOTP code, or a recovery code (anything with letters). */
  async verify(userId: string, code: string): Promise<MfaCheck> {
    const row = await this.#store.get(userId);
    if (!row || row.confirmedAt === undefined) return { ok: false, reason: 'not_enrolled' };
    if (/[a-z]/i.test(code)) return this.#verifyRecoveryCode(row, code);
    const check = verifyTotp(this.#secret(row), code, {
      now: this.#clock.now(),
      ...(row.lastUsedStep === undefined ? {} : { lastUsedStep: row.lastUsedStep }),
    });
    if (!check.ok) return check;
    // The compare-and-set closes the race of two logins presenting the same code at once.
    if (!(await this.#store.useTotpStep(userId, check.step))) return { ok: false, reason: 'replayed' };
    return { ok: true, method: 'totp' };
  }

  /** Replaces the recovery codes (after the user used several, or lost them); returns the new ones to show once. */
  async regenerateRecoveryCodes(userId: string): Promise<string[]> {
    if (!(await this.isEnrolled(userId)))
      throw userError('MFA_NOT_ENROLLED', 'No authenticator is enrolled', { status: 409 });
    const { codes, records } = generateRecoveryCodes();
    await this.#store.replaceRecoveryCodes(userId, records);
    return codes;
  }

  remove(userId: string): Promise<boolean> {
    return this.#store.delete(userId);
  }

  async #verifyRecoveryCode(row: MfaEnrolment, code: string): Promise<MfaCheck> {
    const index = matchRecoveryCode(row.recoveryCodes, code);
    const record = row.recoveryCodes[index];
    if (!record) return { ok: false, reason: 'invalid' };
    if (!(await this.#store.useRecoveryCode(row.userId, record.hash, this.#clock.now()))) {
      return { ok: false, reason: 'replayed' };
    }
    return { ok: true, method: 'recovery_code', remaining: remainingRecoveryCodes(row.recoveryCodes) - 1 };
  }

  #secret(row: MfaEnrolment): Buffer {
    return this.#box.open(row.sealedSecret, mfaSecretAad(row.userId));
  }
}
