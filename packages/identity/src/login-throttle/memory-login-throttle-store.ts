import type { ThrottleState } from './login-throttle-policy.ts';
import type { LoginThrottleStore } from './login-throttle.port.ts';

/** In-memory `LoginThrottleStore` for tests and single-process use; the reference behaviour for adapters. */
export class MemoryLoginThrottleStore implements LoginThrottleStore {
  readonly #rows = new Map<string, { state: ThrottleState; expiresAt: number }>();

  get(key: string, now: number): Promise<ThrottleState | undefined> {
    const row = this.#rows.get(key);
    if (row && row.expiresAt <= now) this.#rows.delete(key);
    return Promise.resolve(row && row.expiresAt > now ? { ...row.state } : undefined);
  }
  put(key: string, state: ThrottleState, expiresAt: number): Promise<void> {
    this.#rows.set(key, { state: { ...state }, expiresAt });
    return Promise.resolve();
  }
  update(
    key: string,
    now: number,
    next: (current: ThrottleState | undefined) => { state: ThrottleState; expiresAt: number },
  ): Promise<ThrottleState> {
    const row = this.#rows.get(key);
    const { state, expiresAt } = next(row && row.expiresAt > now ? { ...row.state } : undefined);
    this.#rows.set(key, { state: { ...state }, expiresAt });
    return Promise.resolve({ ...state });
  }
  delete(key: string): Promise<void> {
    this.#rows.delete(key);
    return Promise.resolve();
  }
  purgeExpired(now: number): Promise<number> {
    let n = 0;
    for (const [key, row] of this.#rows) {
      if (row.expiresAt <= now) {
        this.#rows.delete(key);
        n++;
      }
    }
    return Promise.resolve(n);
  }
}
