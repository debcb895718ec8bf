import type { Session } from './session.ts';

/**
 * Server-side session storage, implemented by the store adapters. Keys are `sessionKey(id)`;
 * the raw id never reaches storage. Expired sessions may be purged by `deleteExpired`.
 */
export interface SessionStore {
  get(key: string): Promise<Session | undefined>;
  /** Inserts or replaces. */
  put(session: Session): Promise<void>;
  /** Updates `lastSeenAt` only (hot path). */
  touch(key: string, lastSeenAt: number): Promise<void>;
  /** True when a session was deleted. */
  delete(key: string): Promise<boolean>;
  /** "Sign out everywhere": deletes every session of the user, returns how many. */
  deleteByUser(userId: string): Promise<number>;
  listByUser(userId: string): Promise<Session[]>;
  /** Deletes sessions whose `expiresAt` ≤ now or idle since `idleBefore`; returns how many. */
  deleteExpired(now: number, idleBefore: number): Promise<number>;
}
