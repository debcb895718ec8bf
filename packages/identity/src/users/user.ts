/** A human account. Machine identities are `MachineToken`s; OIDC-only accounts have no password hash. */
export interface User {
  /** Stable id, never reused; grants, sessions and audit records refer to it. */
  id: string;
  /** Sign-in name as typed at creation; unique case-insensitively (see `usernameKey`). */
  username: string;
  displayName?: string;
  email?: string;
  /** `hashPassword(…)` output (Argon2id PHC string); undefined for accounts that only sign in by OIDC. */
  passwordHash?: string;
  /** A disabled account cannot sign in, and its sessions and API keys stop working. */
  disabled: boolean;
  /** Set by an admin's forced reset (and for a temporary password): the next sign-in must change it. */
  mustChangePassword: boolean;
  /** True once a TOTP authenticator is confirmed (the second factor itself lives in `MfaStore`). */
  mfaEnabled: boolean;
  createdAt: number;
  updatedAt: number;
}

/**
 * The uniqueness key of a username: Unicode-compatibility normalised and lower-cased, so `Alice`,
 * `ALICE` and `Ａｌｉｃｅ` are one account. Example: `usernameKey(' Alice ')` → `'alice'`.
 */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}
