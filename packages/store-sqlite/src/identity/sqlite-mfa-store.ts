import type { DatabaseSync } from 'node:sqlite';
import type { MfaEnrolment, MfaStore, RecoveryCodeRecord } from '@vigil/identity';
import type { WriteQueue } from '../connection/write-queue.ts';
import { writeTransaction } from '../connection/sqlite-transaction.ts';
import { bind, opt } from './sqlite-identity-row.ts';

interface Row {
  user_id: string;
  sealed_secret: string;
  confirmed_at: number | null;
  last_used_step: number | null;
}

/**
 * Second factors. The two `use…` methods are single conditional UPDATEs, so the compare-and-set holds
 * across connections and processes, not only within this process's write queue.
 */
export class SqliteMfaStore implements MfaStore {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;

  constructor(db: DatabaseSync, writes: WriteQueue) {
    this.#db = db;
    this.#writes = writes;
  }

  get(userId: string): Promise<MfaEnrolment | undefined> {
    return Promise.resolve().then(() => {
      const row = this.#db
        .prepare(
          'SELECT user_id, sealed_secret, confirmed_at, last_used_step FROM mfa_enrolments WHERE user_id = ?',
        )
        .get(userId) as Row | undefined;
      if (!row) return undefined;
      return {
        userId: row.user_id,
        sealedSecret: row.sealed_secret,
        ...opt('confirmedAt', row.confirmed_at),
        ...opt('lastUsedStep', row.last_used_step),
        recoveryCodes: this.#codes(userId),
      };
    });
  }

  put(e: MfaEnrolment): Promise<void> {
    return this.#writes.run(() =>
      writeTransaction(this.#db, () => {
        this.#db
          .prepare(
            `INSERT INTO mfa_enrolments (user_id, sealed_secret, confirmed_at, last_used_step)
             VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET sealed_secret = excluded.sealed_secret,
               confirmed_at = excluded.confirmed_at, last_used_step = excluded.last_used_step`,
          )
          .run(e.userId, e.sealedSecret, bind(e.confirmedAt), bind(e.lastUsedStep));
        this.#writeCodes(e.userId, e.recoveryCodes);
      }),
    );
  }

  delete(userId: string): Promise<boolean> {
    return this.#writes.run(
      () => Number(this.#db.prepare('DELETE FROM mfa_enrolments WHERE user_id = ?').run(userId).changes) > 0,
    );
  }

  useTotpStep(userId: string, step: number): Promise<boolean> {
    return this.#writes.run(() => {
      const result = this.#db
        .prepare(
          `UPDATE mfa_enrolments SET last_used_step = ?
           WHERE user_id = ? AND (last_used_step IS NULL OR last_used_step < ?)`,
        )
        .run(step, userId, step);
      return Number(result.changes) > 0;
    });
  }

  useRecoveryCode(userId: string, hash: string, at: number): Promise<boolean> {
    return this.#writes.run(() => {
      // One code only, even if a set somehow held the same hash twice.
      const result = this.#db
        .prepare(
          `UPDATE mfa_recovery_codes SET used_at = ?
           WHERE user_id = ? AND hash = ? AND used_at IS NULL AND position = (
             SELECT min(position) FROM mfa_recovery_codes WHERE user_id = ? AND hash = ? AND used_at IS NULL)`,
        )
        .run(at, userId, hash, userId, hash);
      return Number(result.changes) > 0;
    });
  }

  replaceRecoveryCodes(userId: string, records: RecoveryCodeRecord[]): Promise<void> {
    return this.#writes.run(() =>
      writeTransaction(this.#db, () => {
        if (this.#db.prepare('SELECT 1 FROM mfa_enrolments WHERE user_id = ?').get(userId))
          this.#writeCodes(userId, records);
      }),
    );
  }

  #codes(userId: string): RecoveryCodeRecord[] {
    const rows = this.#db
      .prepare('SELECT hash, used_at FROM mfa_recovery_codes WHERE user_id = ? ORDER BY position')
      .all(userId) as unknown as { hash: string; used_at: number | null }[];
    return rows.map((r) => ({ hash: r.hash, ...opt('usedAt', r.used_at) }));
  }

  #writeCodes(userId: string, records: readonly RecoveryCodeRecord[]): void {
    this.#db.prepare('DELETE FROM mfa_recovery_codes WHERE user_id = ?').run(userId);
    const insert = this.#db.prepare(
      'INSERT INTO mfa_recovery_codes (user_id, position, hash, used_at) VALUES (?, ?, ?, ?)',
    );
    records.forEach((r, i) => insert.run(userId, i, r.hash, bind(r.usedAt)));
  }
}
