import { createHash } from 'node:crypto';
import type { User } from '../users/user.ts';

const PSEUDONYM_PREFIX = 'deleted-';

/**
 * The pseudonym an anonymised account takes: stable per id, unlinkable to the old name.
 * Example: `pseudonymFor('u-1')` → `'deleted-3c1e…'` (12 hex digits).
 */
export function pseudonymFor(userId: string): string {
  return `${PSEUDONYM_PREFIX}${createHash('sha256').update(`vigil-pseudonym:${userId}`, 'utf8').digest('hex').slice(0, 12)}`;
}

/** True once the account was anonymised (its name is its pseudonym and it holds no credential). */
export function isAnonymised(user: User): boolean {
  return user.username === pseudonymFor(user.id) && user.passwordHash === undefined;
}

/**
 * The account after deletion: the id stays (audit records refer to it), the name becomes the pseudonym,
 * contact data and credentials go, and it can never sign in again.
 */
export function anonymiseUser(user: User, now: number): User {
  return {
    id: user.id,
    username: pseudonymFor(user.id),
    disabled: true,
    mustChangePassword: false,
    mfaEnabled: false,
    createdAt: user.createdAt,
    updatedAt: now,
  };
}

/**
 * Accounts the retention job anonymises: disabled, not yet anonymised, and unchanged for `retentionDays`
 * (`updatedAt` is set when an account is disabled).
 */
export function accountsDueForAnonymisation(
  users: readonly User[],
  now: number,
  retentionDays: number,
): User[] {
  const cutoff = now - retentionDays * 86_400_000;
  return users.filter((u) => u.disabled && !isAnonymised(u) && u.updatedAt <= cutoff);
}
