import type { SetupTokenRecord, SetupTokenStore } from '@vigil/identity';
import { optNumber } from './pg-identity-row.ts';
import type { PgScopedDb } from './pg-scoped-db.ts';

interface Row {
  hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** The single pending setup token, in a one-row table (slot 1). */
export class PgSetupTokenStore implements SetupTokenStore {
  readonly #db: PgScopedDb;

  constructor(db: PgScopedDb) {
    this.#db = db;
  }

  current(): Promise<SetupTokenRecord | undefined> {
    return this.#db.run('platform', async (c) => {
      const row = (
        await c.query<Row>('SELECT hash, created_at, expires_at, used_at FROM setup_tokens WHERE slot = 1')
      ).rows[0];
      return (
        row && {
          hash: row.hash,
          createdAt: Number(row.created_at),
          expiresAt: Number(row.expires_at),
          ...optNumber('usedAt', row.used_at),
        }
      );
    });
  }

  async replace(r: SetupTokenRecord): Promise<void> {
    await this.#db.run('platform', (c) =>
      c.query(
        `INSERT INTO setup_tokens (slot, hash, created_at, expires_at, used_at) VALUES (1, $1, $2, $3, $4)
         ON CONFLICT (slot) DO UPDATE SET hash = excluded.hash, created_at = excluded.created_at,
           expires_at = excluded.expires_at, used_at = excluded.used_at`,
        [r.hash, r.createdAt, r.expiresAt, r.usedAt ?? null],
      ),
    );
  }

  consume(hash: string, at: number): Promise<boolean> {
    // A concurrent redemption waits for the row lock, re-checks `used_at IS NULL` and changes nothing.
    return this.#db.run('platform', async (c) => {
      const result = await c.query(
        'UPDATE setup_tokens SET used_at = $2 WHERE slot = 1 AND hash = $1 AND used_at IS NULL',
        [hash, at],
      );
      return (result.rowCount ?? 0) > 0;
    });
  }
}
