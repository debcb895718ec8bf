import type { DatabaseSync } from 'node:sqlite';
import { userError } from '@vigil/core';
import type { SuppressionRule, SuppressionRuleRepository } from '@vigil/cases';
import type { WriteQueue } from '../connection/write-queue.ts';
import { isUniqueViolation } from '../identity/sqlite-identity-row.ts';

const parse = (r: { data: string }): SuppressionRule => JSON.parse(r.data) as SuppressionRule;

/** `SuppressionRuleRepository` on SQLite. */
export class SqliteSuppressionRuleRepository implements SuppressionRuleRepository {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;

  constructor(db: DatabaseSync, writes: WriteQueue) {
    this.#db = db;
    this.#writes = writes;
  }

  create(rule: SuppressionRule): Promise<void> {
    return this.#writes.run(() => {
      try {
        this.#db
          .prepare(
            'INSERT INTO suppression_rules (workspace, id, starts_at, expires_at, data) VALUES (?, ?, ?, ?, ?)',
          )
          .run(rule.workspace, rule.id, rule.startsAt, rule.expiresAt, JSON.stringify(rule));
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw userError('SUPPRESSION_EXISTS', 'A suppression rule with this id exists', { status: 409 });
        }
        throw error;
      }
    });
  }

  get(workspace: string, id: string): Promise<SuppressionRule | undefined> {
    return Promise.resolve().then(() => {
      const row = this.#db
        .prepare('SELECT data FROM suppression_rules WHERE workspace = ? AND id = ?')
        .get(workspace, id) as { data: string } | undefined;
      return row && parse(row);
    });
  }

  listActive(workspace: string, now: number): Promise<SuppressionRule[]> {
    return Promise.resolve().then(() =>
      (
        this.#db
          .prepare(
            `SELECT data FROM suppression_rules WHERE workspace = ? AND expires_at > ? AND starts_at <= ?
             ORDER BY id`,
          )
          .all(workspace, now, now) as unknown as { data: string }[]
      ).map(parse),
    );
  }

  list(workspace: string): Promise<SuppressionRule[]> {
    return Promise.resolve().then(() =>
      (
        this.#db
          .prepare('SELECT data FROM suppression_rules WHERE workspace = ? ORDER BY id')
          .all(workspace) as unknown as { data: string }[]
      ).map(parse),
    );
  }

  update(rule: SuppressionRule): Promise<boolean> {
    return this.#writes.run(
      () =>
        Number(
          this.#db
            .prepare(
              'UPDATE suppression_rules SET starts_at = ?, expires_at = ?, data = ? WHERE workspace = ? AND id = ?',
            )
            .run(rule.startsAt, rule.expiresAt, JSON.stringify(rule), rule.workspace, rule.id).changes,
        ) > 0,
    );
  }

  delete(workspace: string, id: string): Promise<boolean> {
    return this.#writes.run(
      () =>
        Number(
          this.#db.prepare('DELETE FROM suppression_rules WHERE workspace = ? AND id = ?').run(workspace, id)
            .changes,
        ) > 0,
    );
  }
}
