import type { MfaEnrolment, MfaStore, RecoveryCodeRecord } from '@vigil/identity';
import type { PoolClient } from 'pg';
import { optNumber } from './pg-identity-row.ts';
import type { PgScopedDb } from './pg-scoped-db.ts';

interface Row {
  user_id: string;
  sealed_secret: string;
  confirmed_at: string | null;
  last_used_step: string | null;
}

/**
 * Second factors. The two `use…` methods are single conditional UPDATEs: a concurrent one waits for the
 * row lock, re-checks its WHERE against the committed row and changes nothing, so exactly one wins.
 */
export class PgMfaStore implements MfaStore {
  readonly #db: PgScopedDb;

  constructor(db: PgScopedDb) {
    this.#db = db;
  }

  get(userId: string): Promise<MfaEnrolment | undefined> {
    return this.#db.run('platform', async (c) => {
      const row = (
        await c.query<Row>(
          'SELECT user_id, sealed_secret, confirmed_at, last_used_step FROM mfa_enrolments WHERE user_id = $1',
          [userId],
        )
      ).rows[0];
      if (!row) return undefined;
      const codes = await c.query<{ hash: string; used_at: string | null }>(
        'SELECT hash, used_at FROM mfa_recovery_codes WHERE user_id = $1 ORDER BY position',
        [userId],
      );
      return {
        userId: row.user_id,
        sealedSecret: row.sealed_secret,
        ...optNumber('confirmedAt', row.confirmed_at),
        ...optNumber('lastUsedStep', row.last_used_step),
        recoveryCodes: codes.rows.map((r) => ({ hash: r.hash, ...optNumber('usedAt', r.used_at) })),
      };
    });
  }

  async put(e: MfaEnrolment): Promise<void> {
    await this.#db.run('platform', async (c) => {
      await c.query(
        `INSERT INTO mfa_enrolments (user_id, sealed_secret, confirmed_at, last_used_step) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id) DO UPDATE SET sealed_secret = excluded.sealed_secret,
           confirmed_at = excluded.confirmed_at, last_used_step = excluded.last_used_step`,
        [e.userId, e.sealedSecret, e.confirmedAt ?? null, e.lastUsedStep ?? null],
      );
      await writeCodes(c, e.userId, e.recoveryCodes);
    });
  }

  delete(userId: string): Promise<boolean> {
    return this.#db.run(
      'platform',
      async (c) =>
        ((await c.query('DELETE FROM mfa_enrolments WHERE user_id = $1', [userId])).rowCount ?? 0) > 0,
    );
  }

  useTotpStep(userId: string, step: number): Promise<boolean> {
    return this.#db.run('platform', async (c) => {
      const result = await c.query(
        `UPDATE mfa_enrolments SET last_used_step = $2
         WHERE user_id = $1 AND (last_used_step IS NULL OR last_used_step < $2)`,
        [userId, step],
      );
      return (result.rowCount ?? 0) > 0;
    });
  }

  useRecoveryCode(userId: string, hash: string, at: number): Promise<boolean> {
    return this.#db.run('platform', async (c) => {
      // `used_at IS NULL` in the outer WHERE is what a waiting transaction re-checks after the winner commits.
      const result = await c.query(
        `UPDATE mfa_recovery_codes SET used_at = $3
         WHERE user_id = $1 AND hash = $2 AND used_at IS NULL AND position = (
           SELECT min(position) FROM mfa_recovery_codes WHERE user_id = $1 AND hash = $2 AND used_at IS NULL)`,
        [userId, hash, at],
      );
      return (result.rowCount ?? 0) > 0;
    });
  }

  async replaceRecoveryCodes(userId: string, records: RecoveryCodeRecord[]): Promise<void> {
    await this.#db.run('platform', async (c) => {
      const found = await c.query('SELECT 1 FROM mfa_enrolments WHERE user_id = $1 FOR UPDATE', [userId]);
      if ((found.rowCount ?? 0) > 0) await writeCodes(c, userId, records);
    });
  }
}

async function writeCodes(
  c: PoolClient,
  userId: string,
  records: readonly RecoveryCodeRecord[],
): Promise<void> {
  await c.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [userId]);
  if (records.length === 0) return;
  await c.query(
    `INSERT INTO mfa_recovery_codes (user_id, position, hash, used_at)
     SELECT $1, p - 1, h, u FROM unnest($2::text[], $3::bigint[]) WITH ORDINALITY AS t (h, u, p)`,
    [userId, records.map((r) => r.hash), records.map((r) => r.usedAt ?? null)],
  );
}
