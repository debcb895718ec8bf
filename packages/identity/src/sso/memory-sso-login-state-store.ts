import type { SsoLoginState } from './sso-login-state.ts';
import type { SsoLoginStateStore } from './sso-login-state.port.ts';

/** In-memory `SsoLoginStateStore` for tests; the reference behaviour for adapters. */
export class MemorySsoLoginStateStore implements SsoLoginStateStore {
  readonly #rows = new Map<string, { pending: SsoLoginState; expiresAt: number }>();

  put(pending: SsoLoginState, expiresAt: number): Promise<void> {
    this.#rows.set(pending.state, { pending: { ...pending }, expiresAt });
    return Promise.resolve();
  }
  take(state: string, now: number): Promise<SsoLoginState | undefined> {
    const row = this.#rows.get(state);
    this.#rows.delete(state);
    return Promise.resolve(row && row.expiresAt > now ? { ...row.pending } : undefined);
  }
  countActive(now: number): Promise<number> {
    return Promise.resolve([...this.#rows.values()].filter((r) => r.expiresAt > now).length);
  }
  purgeExpired(now: number): Promise<number> {
    let n = 0;
    for (const [k, r] of this.#rows) {
      if (r.expiresAt <= now) {
        this.#rows.delete(k);
        n++;
      }
    }
    return Promise.resolve(n);
  }
}
