import type { LoginThrottleStore, ThrottleState } from '@vigil/identity';
import type { PoolClient } from 'pg';
import type { PgScopedDb } from './pg-scoped-db.ts';

async function upsert(c: PoolClient, key: string, state: ThrottleState, expiresAt: number): Promise<void> {
  await c.query(
    `INSERT INTO login_throttle (key, state, expires_at) VALUES ($1, $2::jsonb, $3)
     ON CONFLICT (key) DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at`,
    [key, JSON.stringify(state), expiresAt],
  );
}

/** Login failure counters shared by every API process of a distributed installation. */
export class PgLoginThrottleStore implements LoginThrottleStore {
  readonly #db: PgScopedDb;

  constructor(db: PgScopedDb) {
    this.#db = db;
  }

  get(key: string, now: number): Promise<ThrottleState | undefined> {
    return this.#db.run('platform', async (c) => {
      const row = (
        await c.query<{ state: ThrottleState }>(
          'SELECT state FROM login_throttle WHERE key = $1 AND expires_at > $2',
          [key, now],
        )
      ).rows[0];
      return row?.state;
    });
  }

  async put(key: string, state: ThrottleState, expiresAt: number): Promise<void> {
    await this.#db.run('platform', (c) => upsert(c, key, state, expiresAt));
  }

  update(
    key: string,
    now: number,
    next: (current: ThrottleState | undefined) => { state: ThrottleState; expiresAt: number },
  ): Promise<ThrottleState> {
    return this.#db.run('platform', async (c) => {
      // A row lock cannot cover a key that does not exist yet; the transaction-scoped advisory lock on
      // the key does, so concurrent failures on several API processes are applied one after the other.
      await c.query("SELECT pg_advisory_xact_lock(hashtext('vigil:login-throttle:' || $1))", [key]);
      const row = (
        await c.query<{ state: ThrottleState }>(
          'SELECT state FROM login_throttle WHERE key = $1 AND expires_at > $2',
          [key, now],
        )
      ).rows[0];
      const { state, expiresAt } = next(row?.state);
      await upsert(c, key, state, expiresAt);
      return state;
    });
  }

  async delete(key: string): Promise<void> {
    await this.#db.run('platform', (c) => c.query('DELETE FROM login_throttle WHERE key = $1', [key]));
  }

  purgeExpired(now: number): Promise<number> {
    return this.#db.run('platform', async (c) => {
      const result = await c.query('DELETE FROM login_throttle WHERE expires_at <= $1', [now]);
      return result.rowCount ?? 0;
    });
  }
}
