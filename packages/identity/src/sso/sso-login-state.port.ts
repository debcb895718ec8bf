import type { SsoLoginState } from './sso-login-state.ts';

/**
 * Pending SSO sign-ins, shared by every process: the provider may send the browser back to another API
 * node than the one that started the sign-in.
 */
export interface SsoLoginStateStore {
  put(pending: SsoLoginState, expiresAt: number): Promise<void>;
  /** Removes and returns the pending sign-in unless expired at `now`; single use even under a race. */
  take(state: string, now: number): Promise<SsoLoginState | undefined>;
  /** Pending sign-ins not yet expired at `now` (to cap them). */
  countActive(now: number): Promise<number>;
  /** Drops entries expired at `now`; returns how many. */
  purgeExpired(now: number): Promise<number>;
}
