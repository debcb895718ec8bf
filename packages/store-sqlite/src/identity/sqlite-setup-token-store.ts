import type { DatabaseSync } from 'node:sqlite';
import type { SetupTokenRecord, SetupTokenStore } from '@vigil/identity';
import type { WriteQueue } from '../connection/write-queue.ts';
import { bind, opt } from './sqlite-identity-row.ts';

interface Row {
  hash: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** The single pending setup token, in a one-row table (slot 1). */
export class SqliteSetupTokenStore implements SetupTokenStore {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;

  constructor(db: DatabaseSync, writes: WriteQueue) {
    this.#db = db;
    this.#writes = writes;
  }

  current(): Promise<SetupTokenRecord | undefined> {
    return Promise.resolve().then(() => {
      const row = this.#db
        .prepare('SELECT hash, created_at, expires_at, used_at FROM setup_tokens WHERE slot = 1')
        .get() as Row | undefined;
      return (
        row && {
          hash: row.hash,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
          ...opt('usedAt', row.used_at),
        }
      );
    });
  }

  replace(r: SetupTokenRecord): Promise<void> {
    return this.#writes.run(() => {
      this.#db
        .prepare(
          'INSERT OR REPLACE INTO setup_tokens (slot, hash, created_at, expires_at, used_at) VALUES (1, ?, ?, ?, ?)',
        )
        .run(r.hash, r.createdAt, r.expiresAt, bind(r.usedAt));
    });
  }

  consume(hash: string, at: number): Promise<boolean> {
    // One conditional UPDATE: of two concurrent redemptions (even from two processes) exactly one changes the row.
    return this.#writes.run(() => {
      const result = this.#db
        .prepare('UPDATE setup_tokens SET used_at = ? WHERE slot = 1 AND hash = ? AND used_at IS NULL')
        .run(at, hash);
      return Number(result.changes) > 0;
    });
  }
}
