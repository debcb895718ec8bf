import { systemClock, type Clock } from '@vigil/core';
import type { ThrottleState } from './login-throttle-policy.ts';
import type { LoginThrottleStore } from './login-throttle.port.ts';

/** In-memory `LoginThrottleStore` (embedded mode keeps counters in process; they need not survive restarts). */
export class MemoryLoginThrottleStore implements LoginThrottleStore {
  readonly #rows = new Map<string, { state: ThrottleState; expiresAt: number }>();
  readonly #clock: Clock;

  constructor(clock: Clock = systemClock) {
    this.#clock = clock;
  }

  get(key: string): Promise<ThrottleState | undefined> {
    const row = this.#rows.get(key);
    if (row && row.expiresAt <= this.#clock.now()) this.#rows.delete(key);
    return Promise.resolve(row && row.expiresAt > this.#clock.now() ? { ...row.state } : undefined);
  }
  put(key: string, state: ThrottleState, expiresAt: number): Promise<void> {
    this.#rows.set(key, { state: { ...state }, expiresAt });
    return Promise.resolve();
  }
  delete(key: string): Promise<void> {
    this.#rows.delete(key);
    return Promise.resolve();
  }
}
