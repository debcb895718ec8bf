import type { MfaEnrolment } from './mfa-enrolment.ts';
import type { RecoveryCodeRecord } from './recovery-codes.ts';

/** Storage of second factors; the two `use…` methods must be atomic compare-and-set operations. */
export interface MfaStore {
  get(userId: string): Promise<MfaEnrolment | undefined>;
  put(enrolment: MfaEnrolment): Promise<void>;
  delete(userId: string): Promise<boolean>;
  /** Sets `lastUsedStep = step` only if it is unset or lower; false means the code was already used (replay). */
  useTotpStep(userId: string, step: number): Promise<boolean>;
  /** Marks the code with this hash used only if it is unused; false means it was already used. */
  useRecoveryCode(userId: string, hash: string, at: number): Promise<boolean>;
  replaceRecoveryCodes(userId: string, records: RecoveryCodeRecord[]): Promise<void>;
}
