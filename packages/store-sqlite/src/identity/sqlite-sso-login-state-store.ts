import type { DatabaseSync } from 'node:sqlite';
import type { SsoLoginState, SsoLoginStateStore } from '@vigil/identity';
import type { WriteQueue } from '../connection/write-queue.ts';

/** Pending SSO sign-ins; `take` is one DELETE … RETURNING, so a state is used at most once. */
export class SqliteSsoLoginStateStore implements SsoLoginStateStore {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;

  constructor(db: DatabaseSync, writes: WriteQueue) {
    this.#db = db;
    this.#writes = writes;
  }

  put(pending: SsoLoginState, expiresAt: number): Promise<void> {
    return this.#writes.run(() => {
      this.#db
        .prepare('INSERT OR REPLACE INTO sso_login_states (state, data, expires_at) VALUES (?, ?, ?)')
        .run(pending.state, JSON.stringify(pending), expiresAt);
    });
  }

  take(state: string, now: number): Promise<SsoLoginState | undefined> {
    return this.#writes.run(() => {
      const row = this.#db
        .prepare('DELETE FROM sso_login_states WHERE state = ? RETURNING data, expires_at')
        .get(state) as { data: string; expires_at: number } | undefined;
      return row && row.expires_at > now ? (JSON.parse(row.data) as SsoLoginState) : undefined;
    });
  }

  countActive(now: number): Promise<number> {
    return Promise.resolve().then(() => {
      const row = this.#db
        .prepare('SELECT count(*) AS n FROM sso_login_states WHERE expires_at > ?')
        .get(now) as { n: number };
      return Number(row.n);
    });
  }

  purgeExpired(now: number): Promise<number> {
    return this.#writes.run(() =>
      Number(this.#db.prepare('DELETE FROM sso_login_states WHERE expires_at <= ?').run(now).changes),
    );
  }
}
