import type { User } from './user.ts';

/** Accounts. Usernames are unique by `usernameKey`; adapters enforce it with a unique index. */
export interface UserStore {
  /** Fails with USERNAME_TAKEN (409) or USER_EXISTS (409). */
  create(user: User): Promise<void>;
  get(id: string): Promise<User | undefined>;
  /** Case-insensitive lookup (by `usernameKey`). */
  getByUsername(username: string): Promise<User | undefined>;
  /** Accounts ordered by id; keyset pagination with `after` (an id), `limit` 1..1000 (default 100). */
  list(options?: { after?: string; limit?: number }): Promise<User[]>;
  /** Replaces the stored account; false when it does not exist. Fails with USERNAME_TAKEN on a rename clash. */
  update(user: User): Promise<boolean>;
  /** Removes the account (personal-data deletion); its grants/sessions are removed by the caller. */
  delete(id: string): Promise<boolean>;
  /**
   * Creates the account only if no account exists yet, atomically even against other processes: the
   * commit point of first-run set-up. False when another account got there first.
   */
  createFirst(user: User): Promise<boolean>;
  /** Number of accounts: first-run set-up is possible only while this is 0. */
  count(): Promise<number>;
}
