import type { RecoveryCodeRecord } from './recovery-codes.ts';

/** A user's second factor. The TOTP secret is stored sealed by `SecretBox` (aad `mfa:<userId>`). */
export interface MfaEnrolment {
  userId: string;
  /** `SecretBox.seal(secret, 'mfa:' + userId)`. */
  sealedSecret: string;
  /** Unset until the user proves the app works by entering a first code; unconfirmed enrolments do not count. */
  confirmedAt?: number;
  /** Step of the last accepted TOTP code (replay prevention). */
  lastUsedStep?: number;
  recoveryCodes: RecoveryCodeRecord[];
}

/** The AAD binding a sealed TOTP secret to its user, so a secret copied to another row will not open. */
export function mfaSecretAad(userId: string): string {
  return `mfa:${userId}`;
}

/** MFA is required for a user when any workspace they have a grant in requires it (enforceable per workspace). */
export function isMfaRequired(
  workspaceIds: Iterable<string>,
  requiresMfa: (workspaceId: string) => boolean,
): boolean {
  for (const ws of workspaceIds) if (requiresMfa(ws)) return true;
  return false;
}
