import type { SecretBox } from './secret-box.ts';

/**
 * A store that keeps values sealed by `SecretBox`. Master-key rotation walks every registered owner, so
 * a new store that seals values must register one (a server test fails for a `seal(` call site that no
 * owner lists).
 */
export interface SealedValueOwner {
  /** Stable name for rotation reports and audit details, e.g. `mfa-seeds`. */
  readonly name: string;
  /** Repo-relative source files whose `seal(` calls produce this owner's values. */
  readonly sealSites: readonly string[];
  /** Re-wraps every stored value whose key id is not `box.currentKeyId`; returns how many changed. */
  rewrap(box: SecretBox): Promise<number>;
}
