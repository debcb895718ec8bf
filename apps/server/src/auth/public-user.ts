import type { User } from '@vigil/identity';

/** What the API shows of an account: never the password hash. */
export function publicUser(user: User) {
  return {
    id: user.id,
    username: user.username,
    ...(user.displayName === undefined ? {} : { displayName: user.displayName }),
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
    mfaEnabled: user.mfaEnabled,
    createdAt: new Date(user.createdAt).toISOString(),
  };
}
