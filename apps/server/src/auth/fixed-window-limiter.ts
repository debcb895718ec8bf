import type { Clock } from '@vigil/core';

/**
 * At most `limit` calls per key in each `windowMs` window. Per process and in memory on purpose: it
 * guards CPU (a public endpoint that hashes nothing but checks text), not an account, so unlike the
 * login throttle it need not be shared between processes. Keys are swept once the map grows large.
 */
export class FixedWindowLimiter {
  readonly #clock: Clock;
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(clock: Clock, limit: number, windowMs: number) {
    this.#clock = clock;
    this.#limit = limit;
    this.#windowMs = windowMs;
  }

  /** Counts a call; returns the milliseconds to wait when over the limit, else 0. */
  take(key: string): number {
    const now = this.#clock.now();
    if (this.#windows.size > 10_000) {
      for (const [k, w] of this.#windows) if (now - w.start >= this.#windowMs) this.#windows.delete(k);
    }
    const w = this.#windows.get(key);
    if (!w || now - w.start >= this.#windowMs) {
      this.#windows.set(key, { start: now, count: 1 });
      return 0;
    }
    w.count++;
    return w.count > this.#limit ? w.start + this.#windowMs - now : 0;
  }
}
