import type { DatabaseSync } from 'node:sqlite';
import type { LoginThrottleStore, ThrottleState } from '@vigil/identity';
import type { WriteQueue } from '../connection/write-queue.ts';
import { writeTransaction } from '../connection/sqlite-transaction.ts';

/** Login failure counters in the database, so every connection (and process) sees the same lockouts. */
export class SqliteLoginThrottleStore implements LoginThrottleStore {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;

  constructor(db: DatabaseSync, writes: WriteQueue) {
    this.#db = db;
    this.#writes = writes;
  }

  get(key: string, now: number): Promise<ThrottleState | undefined> {
    return Promise.resolve().then(() => {
      const row = this.#db
        .prepare('SELECT state FROM login_throttle WHERE key = ? AND expires_at > ?')
        .get(key, now) as { state: string } | undefined;
      return row && (JSON.parse(row.state) as ThrottleState);
    });
  }

  put(key: string, state: ThrottleState, expiresAt: number): Promise<void> {
    return this.#writes.run(() => this.#put(key, state, expiresAt));
  }

  update(
    key: string,
    now: number,
    next: (current: ThrottleState | undefined) => { state: ThrottleState; expiresAt: number },
  ): Promise<ThrottleState> {
    // BEGIN IMMEDIATE takes the write lock before the read: other connections wait, none reads stale.
    return this.#writes.run(() =>
      writeTransaction(this.#db, () => {
        const row = this.#db
          .prepare('SELECT state FROM login_throttle WHERE key = ? AND expires_at > ?')
          .get(key, now) as { state: string } | undefined;
        const { state, expiresAt } = next(row && (JSON.parse(row.state) as ThrottleState));
        this.#put(key, state, expiresAt);
        return state;
      }),
    );
  }

  #put(key: string, state: ThrottleState, expiresAt: number): void {
    this.#db
      .prepare(
        `INSERT INTO login_throttle (key, state, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at`,
      )
      .run(key, JSON.stringify(state), expiresAt);
  }

  delete(key: string): Promise<void> {
    return this.#writes.run(() => {
      this.#db.prepare('DELETE FROM login_throttle WHERE key = ?').run(key);
    });
  }

  purgeExpired(now: number): Promise<number> {
    return this.#writes.run(() =>
      Number(this.#db.prepare('DELETE FROM login_throttle WHERE expires_at <= ?').run(now).changes),
    );
  }
}
