import { userError, type Clock, type VigilError } from '@vigil/core';
import {
  DEFAULT_LOGIN_THROTTLE,
  accountFailure,
  addressFailure,
  lockRemainingMs,
  throttleKeys,
  type LoginThrottlePolicy,
} from './login-throttle-policy.ts';
import type { LoginThrottleStore } from './login-throttle.port.ts';

/** The one answer to every failed sign-in, whatever failed (unknown user, wrong password, wrong code): no enumeration. */
export function loginFailed(): VigilError {
  return userError('LOGIN_FAILED', 'Invalid username, password or code', { status: 401 });
}

function throttled(retryAfterMs: number): VigilError {
  return userError('LOGIN_THROTTLED', 'Too many failed sign-in attempts; try again later', {
    status: 429,
    retryAfterSeconds: Math.ceil(retryAfterMs / 1000),
  });
}

/**
 * Login throttling per account name and per client address. Unknown account names are throttled exactly
 * like real ones, so lockouts reveal nothing about which accounts exist.
 */
export class LoginThrottle {
  readonly #store: LoginThrottleStore;
  readonly #clock: Clock;
  readonly #policy: LoginThrottlePolicy;

  constructor(store: LoginThrottleStore, clock: Clock, policy: LoginThrottlePolicy = DEFAULT_LOGIN_THROTTLE) {
    this.#store = store;
    this.#clock = clock;
    this.#policy = policy;
  }

  /** Call before checking credentials; throws LOGIN_THROTTLED (429, Retry-After) while locked. */
  async check(accountName: string, clientIp: string): Promise<void> {
    const keys = throttleKeys(accountName, clientIp);
    const now = this.#clock.now();
    const [account, address] = await Promise.all([
      this.#store.get(keys.account, now),
      this.#store.get(keys.address, now),
    ]);
    const wait = Math.max(lockRemainingMs(account, now), lockRemainingMs(address, now));
    if (wait > 0) throw throttled(wait);
  }

  /** Records a failed attempt; returns whether it triggered (or extended) a lockout, for the audit log. */
  async failure(accountName: string, clientIp: string): Promise<{ locked: boolean }> {
    const keys = throttleKeys(accountName, clientIp);
    const now = this.#clock.now();
    const p = this.#policy;
    // Read-modify-write per key inside the store, so concurrent failures (other processes) all count.
    // Account streaks are kept for a day so slow guessing still accumulates; address windows expire with the lock.
    const account = await this.#store.update(keys.account, now, (current) => ({
      state: accountFailure(current, p, now),
      expiresAt: now + 24 * 3_600_000,
    }));
    const address = await this.#store.update(keys.address, now, (current) => {
      const state = addressFailure(current, p, now);
      return { state, expiresAt: Math.max(state.windowStart + p.addressWindowMs, state.lockedUntil ?? 0) };
    });
    return { locked: account.lockedUntil !== undefined || address.lockedUntil !== undefined };
  }

  /** A successful sign-in clears the account's streak (not the address counter: one good login must not reset a spray). */
  async success(accountName: string): Promise<void> {
    await this.#store.delete(throttleKeys(accountName, '').account);
  }
}
