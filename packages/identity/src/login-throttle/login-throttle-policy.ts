/** Limits on failed sign-ins (DESIGN §7: lockout/rate limit on failures). */
export interface LoginThrottlePolicy {
  /** Consecutive failures on one account before it is locked. */
  accountThreshold: number;
  /** First lockout; each further failure while over the threshold doubles it, up to `accountMaxLockMs`. */
  accountBaseLockMs: number;
  accountMaxLockMs: number;
  /** Failures from one client address within `addressWindowMs` before that address is blocked. */
  addressThreshold: number;
  addressWindowMs: number;
  addressLockMs: number;
}

/** OWASP-style defaults: 5 failures lock an account for 1 min (then 2, 4… up to 15 min); 30 failures / 15 min block an address. */
export const DEFAULT_LOGIN_THROTTLE: Readonly<LoginThrottlePolicy> = Object.freeze({
  accountThreshold: 5,
  accountBaseLockMs: 60_000,
  accountMaxLockMs: 15 * 60_000,
  addressThreshold: 30,
  addressWindowMs: 15 * 60_000,
  addressLockMs: 15 * 60_000,
});

/** Failure counter of one throttle key (an account name or a client address). */
export interface ThrottleState {
  failures: number;
  /** Start of the counting window (addresses) or of the failure streak (accounts). */
  windowStart: number;
  lockedUntil?: number;
}

/** The throttle keys of an attempt. Account names are case-folded so `Alice` and `alice` share one counter. */
export function throttleKeys(accountName: string, clientIp: string): { account: string; address: string } {
  return {
    account: `account:${accountName.trim().toLowerCase()}`,
    address: `address:${addressBucket(clientIp)}`,
  };
}

/** IPv6 clients are bucketed by /64, the smallest block one subscriber usually controls. */
export function addressBucket(ip: string): string {
  if (!ip.includes(':')) return ip;
  if (ip.startsWith('::ffff:') && ip.includes('.')) return ip.slice(7);
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** State after one more failure on an account. */
export function accountFailure(
  state: ThrottleState | undefined,
  policy: LoginThrottlePolicy,
  now: number,
): ThrottleState {
  const failures = (state?.failures ?? 0) + 1;
  const next: ThrottleState = { failures, windowStart: state?.windowStart ?? now };
  if (failures >= policy.accountThreshold) {
    const lock = Math.min(
      policy.accountBaseLockMs * 2 ** (failures - policy.accountThreshold),
      policy.accountMaxLockMs,
    );
    next.lockedUntil = now + lock;
  }
  return next;
}

/** State after one more failure from an address (fixed window). */
export function addressFailure(
  state: ThrottleState | undefined,
  policy: LoginThrottlePolicy,
  now: number,
): ThrottleState {
  const fresh = !state || now - state.windowStart >= policy.addressWindowMs;
  const next: ThrottleState = fresh
    ? { failures: 1, windowStart: now }
    : { ...state, failures: state.failures + 1 };
  if (next.failures >= policy.addressThreshold) next.lockedUntil = now + policy.addressLockMs;
  return next;
}

/** Milliseconds until the key may try again (0 = not locked). */
export function lockRemainingMs(state: ThrottleState | undefined, now: number): number {
  return state?.lockedUntil === undefined ? 0 : Math.max(0, state.lockedUntil - now);
}
