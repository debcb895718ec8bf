import type { ThrottleState } from './login-throttle-policy.ts';

/**
 * Failure counters, shared by every process of an installation (in distributed mode a lockout must hold
 * whichever API node the next attempt reaches). Entries expire at `expiresAt`; losing one only relaxes
 * the throttle, so adapters may drop expired rows at any time.
 */
export interface LoginThrottleStore {
  /** The state of `key` unless it expired at or before `now`. */
  get(key: string, now: number): Promise<ThrottleState | undefined>;
  put(key: string, state: ThrottleState, expiresAt: number): Promise<void>;
  /**
   * Replaces the state of `key` with `next(current)` atomically, even against other processes (two
   * failures at once on two API nodes both count); `current` is undefined when absent or expired.
   */
  update(
    key: string,
    now: number,
    next: (current: ThrottleState | undefined) => { state: ThrottleState; expiresAt: number },
  ): Promise<ThrottleState>;
  delete(key: string): Promise<void>;
  /** Drops entries expired at `now`; returns how many (housekeeping). */
  purgeExpired(now: number): Promise<number>;
}
