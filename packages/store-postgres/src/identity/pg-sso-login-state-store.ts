import type { SsoLoginState, SsoLoginStateStore } from '@vigil/identity';
import type { PgScopedDb } from './pg-scoped-db.ts';

/** Pending SSO sign-ins shared by every API process; `take` is one DELETE … RETURNING (single use). */
export class PgSsoLoginStateStore implements SsoLoginStateStore {
  readonly #db: PgScopedDb;

  constructor(db: PgScopedDb) {
    this.#db = db;
  }

  async put(pending: SsoLoginState, expiresAt: number): Promise<void> {
    await this.#db.run('platform', (c) =>
      c.query(
        `INSERT INTO sso_login_states (state, data, expires_at) VALUES ($1, $2::jsonb, $3)
         ON CONFLICT (state) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`,
        [pending.state, JSON.stringify(pending), expiresAt],
      ),
    );
  }

  take(state: string, now: number): Promise<SsoLoginState | undefined> {
    return this.#db.run('platform', async (c) => {
      const row = (
        await c.query<{ data: SsoLoginState; expires_at: string }>(
          'DELETE FROM sso_login_states WHERE state = $1 RETURNING data, expires_at',
          [state],
        )
      ).rows[0];
      return row && Number(row.expires_at) > now ? row.data : undefined;
    });
  }

  countActive(now: number): Promise<number> {
    return this.#db.run('platform', async (c) => {
      const row = (
        await c.query<{ n: string }>('SELECT count(*) AS n FROM sso_login_states WHERE expires_at > $1', [
          now,
        ])
      ).rows[0];
      return Number(row?.n ?? 0);
    });
  }

  purgeExpired(now: number): Promise<number> {
    return this.#db.run('platform', async (c) => {
      const result = await c.query('DELETE FROM sso_login_states WHERE expires_at <= $1', [now]);
      return result.rowCount ?? 0;
    });
  }
}
