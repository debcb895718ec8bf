import {
  checkSameWorkspace,
  incidentExists,
  incidentNotFound,
  incidentVersionConflict,
  inRequestedOrder,
} from '@vigil/cases';
import type { Incident, IncidentQuery, IncidentRepository } from '@vigil/cases';
import { isUniqueViolation } from '../identity/pg-identity-row.ts';
import type { PgScopedDb } from '../identity/pg-scoped-db.ts';
import { docs, existingIds, type DocRow } from './pg-json-rows.ts';

/** `IncidentRepository` on PostgreSQL: JSON document + indexed columns; every transaction scoped for RLS. */
export class PgIncidentRepository implements IncidentRepository {
  readonly #db: PgScopedDb;

  constructor(db: PgScopedDb) {
    this.#db = db;
  }

  #read(workspace: string, sql: string, params: unknown[]): Promise<Incident[]> {
    return this.#db.run({ workspace }, async (c) =>
      docs<Incident>((await c.query<DocRow>(sql, params)).rows),
    );
  }

  async get(workspace: string, id: string): Promise<Incident | undefined> {
    const rows = await this.#read(
      workspace,
      'SELECT version, data FROM incidents WHERE workspace = $1 AND id = $2',
      [workspace, id],
    );
    return rows[0];
  }

  async getMany(workspace: string, ids: readonly string[]): Promise<Incident[]> {
    if (ids.length === 0) return [];
    const rows = await this.#read(
      workspace,
      'SELECT version, data FROM incidents WHERE workspace = $1 AND id = ANY($2::text[])',
      [workspace, ids],
    );
    return inRequestedOrder(rows, ids);
  }

  async insertMany(workspace: string, incidents: readonly Incident[]): Promise<void> {
    await this.#db.run({ workspace }, async (c) => {
      checkSameWorkspace(workspace, incidents, 'incident');
      const taken = await existingIds(
        c,
        'incidents',
        workspace,
        incidents.map((i) => i.id),
      );
      const seen = new Set<string>();
      for (const i of incidents) {
        if (seen.has(i.id) || taken.has(i.id)) throw incidentExists(i.id);
        seen.add(i.id);
      }
      for (const i of incidents) {
        try {
          await c.query(
            `INSERT INTO incidents (workspace, id, version, status, severity, owner, created_at, entity_keys, data)
             VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8)`,
            [
              workspace,
              i.id,
              i.status,
              i.severity,
              i.owner ?? null,
              i.createdAt,
              i.entityKeys,
              JSON.stringify({ ...i, version: 1 }),
            ],
          );
        } catch (error) {
          if (isUniqueViolation(error)) throw incidentExists(i.id);
          throw error;
        }
      }
    });
  }

  updateMany(workspace: string, incidents: readonly Incident[]): Promise<Incident[]> {
    return this.#db.run({ workspace }, async (c) => {
      checkSameWorkspace(workspace, incidents, 'incident');
      const out: Incident[] = [];
      for (const i of incidents) {
        const next: Incident = { ...i, version: i.version + 1 };
        const result = await c.query(
          `UPDATE incidents SET version = $3, status = $5, severity = $6, owner = $7, entity_keys = $8, data = $9
           WHERE workspace = $1 AND id = $2 AND version = $4`,
          [
            workspace,
            i.id,
            next.version,
            i.version,
            i.status,
            i.severity,
            i.owner ?? null,
            i.entityKeys,
            JSON.stringify(next),
          ],
        );
        if ((result.rowCount ?? 0) === 0) {
          const row = await c.query<{ version: number }>(
            'SELECT version FROM incidents WHERE workspace = $1 AND id = $2',
            [workspace, i.id],
          );
          const stored = row.rows[0];
          if (stored === undefined) throw incidentNotFound(workspace, i.id);
          throw incidentVersionConflict(i.id, i.version, stored.version);
        }
        out.push(structuredClone(next));
      }
      return out;
    });
  }

  list(workspace: string, query: IncidentQuery = {}): Promise<Incident[]> {
    const params: unknown[] = [workspace];
    const where = ['workspace = $1'];
    const add = (clause: string, value: unknown): void => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (query.status !== undefined) add('status = ANY(?::text[])', query.status);
    if (query.severity !== undefined) add('severity = ANY(?::text[])', query.severity);
    if (query.owner !== undefined) add('owner = ?', query.owner);
    if (query.entityKey !== undefined) add('entity_keys @> ARRAY[?::text]', query.entityKey);
    if (query.createdFrom !== undefined) add('created_at >= ?', query.createdFrom);
    if (query.createdTo !== undefined) add('created_at < ?', query.createdTo);
    if (query.after !== undefined) add('id > ?', query.after);
    params.push(Math.min(Math.max(query.limit ?? 100, 1), 1000));
    return this.#read(
      workspace,
      `SELECT version, data FROM incidents WHERE ${where.join(' AND ')} ORDER BY id LIMIT $${params.length}`,
      params,
    );
  }
}
