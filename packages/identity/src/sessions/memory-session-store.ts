import type { Session } from './session.ts';
import type { SessionStore } from './session.port.ts';

/** In-memory `SessionStore` for tests and single-process use; the reference for the adapters' contract suite. */
export class MemorySessionStore implements SessionStore {
  readonly #sessions = new Map<string, Session>();

  get(key: string): Promise<Session | undefined> {
    const s = this.#sessions.get(key);
    return Promise.resolve(s && { ...s });
  }
  put(session: Session): Promise<void> {
    this.#sessions.set(session.key, { ...session });
    return Promise.resolve();
  }
  touch(key: string, lastSeenAt: number): Promise<void> {
    const s = this.#sessions.get(key);
    if (s) s.lastSeenAt = lastSeenAt;
    return Promise.resolve();
  }
  delete(key: string): Promise<boolean> {
    return Promise.resolve(this.#sessions.delete(key));
  }
  deleteByUser(userId: string): Promise<number> {
    let n = 0;
    for (const [k, s] of this.#sessions) if (s.userId === userId && this.#sessions.delete(k)) n++;
    return Promise.resolve(n);
  }
  listByUser(userId: string): Promise<Session[]> {
    return Promise.resolve(
      [...this.#sessions.values()].filter((s) => s.userId === userId).map((s) => ({ ...s })),
    );
  }
  deleteExpired(now: number, idleBefore: number): Promise<number> {
    let n = 0;
    for (const [k, s] of this.#sessions) {
      if ((s.expiresAt <= now || s.lastSeenAt <= idleBefore) && this.#sessions.delete(k)) n++;
    }
    return Promise.resolve(n);
  }
}
