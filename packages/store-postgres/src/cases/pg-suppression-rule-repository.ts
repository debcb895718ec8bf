import { userError } from '@vigil/core';
import type { SuppressionRule, SuppressionRuleRepository } from '@vigil/cases';
import { isUniqueViolation } from '../identity/pg-identity-row.ts';
import type { PgScopedDb } from '../identity/pg-scoped-db.ts';

const parse = (r: { data: string }): SuppressionRule => JSON.parse(r.data) as SuppressionRule;

/** `SuppressionRuleRepository` on PostgreSQL (RLS-scoped). */
export class PgSuppressionRuleRepository implements SuppressionRuleRepository {
  readonly #db: PgScopedDb;

  constructor(db: PgScopedDb) {
    this.#db = db;
  }

  async create(rule: SuppressionRule): Promise<void> {
    await this.#db.run({ workspace: rule.workspace }, async (c) => {
      try {
        await c.query(
          'INSERT INTO suppression_rules (workspace, id, starts_at, expires_at, data) VALUES ($1, $2, $3, $4, $5)',
          [rule.workspace, rule.id, rule.startsAt, rule.expiresAt, JSON.stringify(rule)],
        );
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw userError('SUPPRESSION_EXISTS', 'A suppression rule with this id exists', { status: 409 });
        }
        throw error;
      }
    });
  }

  get(workspace: string, id: string): Promise<SuppressionRule | undefined> {
    return this.#db.run({ workspace }, async (c) => {
      const row = (
        await c.query<{ data: string }>(
          'SELECT data FROM suppression_rules WHERE workspace = $1 AND id = $2',
          [workspace, id],
        )
      ).rows[0];
      return row && parse(row);
    });
  }

  listActive(workspace: string, now: number): Promise<SuppressionRule[]> {
    return this.#db.run({ workspace }, async (c) =>
      (
        await c.query<{ data: string }>(
          `SELECT data FROM suppression_rules WHERE workspace = $1 AND expires_at > $2 AND starts_at <= $2
           ORDER BY id`,
          [workspace, now],
        )
      ).rows.map(parse),
    );
  }

  list(workspace: string): Promise<SuppressionRule[]> {
    return this.#db.run({ workspace }, async (c) =>
      (
        await c.query<{ data: string }>(
          'SELECT data FROM suppression_rules WHERE workspace = $1 ORDER BY id',
          [workspace],
        )
      ).rows.map(parse),
    );
  }

  update(rule: SuppressionRule): Promise<boolean> {
    return this.#db.run({ workspace: rule.workspace }, async (c) => {
      const result = await c.query(
        'UPDATE suppression_rules SET starts_at = $3, expires_at = $4, data = $5 WHERE workspace = $1 AND id = $2',
        [rule.workspace, rule.id, rule.startsAt, rule.expiresAt, JSON.stringify(rule)],
      );
      return (result.rowCount ?? 0) > 0;
    });
  }

  delete(workspace: string, id: string): Promise<boolean> {
    return this.#db.run({ workspace }, async (c) => {
      const result = await c.query('DELETE FROM suppression_rules WHERE workspace = $1 AND id = $2', [
        workspace,
        id,
      ]);
      return (result.rowCount ?? 0) > 0;
    });
  }
}
