import type { ThrottleState } from './login-throttle-policy.ts';

/** Failure counters. Entries may be dropped after `expiresAt` (TTL); losing them only relaxes the throttle. */
export interface LoginThrottleStore {
  get(key: string): Promise<ThrottleState | undefined>;
  put(key: string, state: ThrottleState, expiresAt: number): Promise<void>;
  delete(key: string): Promise<void>;
}
