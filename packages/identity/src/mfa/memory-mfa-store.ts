import type { MfaEnrolment } from './mfa-enrolment.ts';
import type { MfaStore } from './mfa.port.ts';
import type { RecoveryCodeRecord } from './recovery-codes.ts';

/** In-memory `MfaStore` for tests and the reference behaviour for adapters. */
export class MemoryMfaStore implements MfaStore {
  readonly #rows = new Map<string, MfaEnrolment>();

  get(userId: string): Promise<MfaEnrolment | undefined> {
    const row = this.#rows.get(userId);
    return Promise.resolve(row && structuredClone(row));
  }
  put(enrolment: MfaEnrolment): Promise<void> {
    this.#rows.set(enrolment.userId, structuredClone(enrolment));
    return Promise.resolve();
  }
  delete(userId: string): Promise<boolean> {
    return Promise.resolve(this.#rows.delete(userId));
  }
  useTotpStep(userId: string, step: number): Promise<boolean> {
    const row = this.#rows.get(userId);
    if (!row || (row.lastUsedStep !== undefined && row.lastUsedStep >= step)) return Promise.resolve(false);
    row.lastUsedStep = step;
    return Promise.resolve(true);
  }
  useRecoveryCode(userId: string, hash: string, at: number): Promise<boolean> {
    const code = this.#rows.get(userId)?.recoveryCodes.find((c) => c.hash === hash && c.usedAt === undefined);
    if (!code) return Promise.resolve(false);
    code.usedAt = at;
    return Promise.resolve(true);
  }
  replaceRecoveryCodes(userId: string, records: RecoveryCodeRecord[]): Promise<void> {
    const row = this.#rows.get(userId);
    if (row) row.recoveryCodes = structuredClone(records);
    return Promise.resolve();
  }
}
