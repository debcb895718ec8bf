import type { PoolClient } from 'pg';
import {
  alertExists,
  alertNotFound,
  alertVersionConflict,
  checkSameWorkspace,
  detectionAlreadyProcessed,
  inRequestedOrder,
} from '@vigil/cases';
import type { Alert, AlertBatch, AlertQuery, AlertRepository, ProcessedDetections } from '@vigil/cases';
import { isUniqueViolation } from '../identity/pg-identity-row.ts';
import type { PgScopedDb } from '../identity/pg-scoped-db.ts';
import { docs, existingIds, type DocRow } from './pg-json-rows.ts';

const columns = (a: Alert): unknown[] => [
  a.status,
  a.severity,
  a.rule.id,
  a.incidentId ?? null,
  a.dedupKey,
  a.dedupUntil,
  a.firstSeenAt,
  a.lastSeenAt,
  a.entityKeys,
];

/**
 * Forgets expired ids, then remembers these; one still remembered (a concurrent consumer committed it
 * first: the insert waits for that transaction) fails the whole write.
 */
async function recordProcessed(
  c: PoolClient,
  workspace: string,
  processed: ProcessedDetections,
): Promise<void> {
  await c.query('DELETE FROM processed_detections WHERE workspace = $1 AND until <= $2', [
    workspace,
    processed.at,
  ]);
  const ids = [...new Set(processed.ids)];
  const result = await c.query<{ detection_id: string }>(
    `INSERT INTO processed_detections (workspace, detection_id, until)
     SELECT $1, id, $3 FROM unnest($2::text[]) AS id
     ON CONFLICT (workspace, detection_id) DO NOTHING RETURNING detection_id`,
    [workspace, ids, processed.until],
  );
  const stored = new Set(result.rows.map((r) => r.detection_id));
  const taken = ids.find((id) => !stored.has(id));
  if (taken !== undefined) throw detectionAlreadyProcessed(taken);
}

/** `AlertRepository` on PostgreSQL: JSON document + indexed columns; every transaction scoped for RLS. */
export class PgAlertRepository implements AlertRepository {
  readonly #db: PgScopedDb;

  constructor(db: PgScopedDb) {
    this.#db = db;
  }

  #read(workspace: string, sql: string, params: unknown[]): Promise<Alert[]> {
    return this.#db.run({ workspace }, async (c) => docs<Alert>((await c.query<DocRow>(sql, params)).rows));
  }

  async get(workspace: string, id: string): Promise<Alert | undefined> {
    const rows = await this.#read(
      workspace,
      'SELECT version, data FROM alerts WHERE workspace = $1 AND id = $2',
      [workspace, id],
    );
    return rows[0];
  }

  async getMany(workspace: string, ids: readonly string[]): Promise<Alert[]> {
    if (ids.length === 0) return [];
    const rows = await this.#read(
      workspace,
      'SELECT version, data FROM alerts WHERE workspace = $1 AND id = ANY($2::text[])',
      [workspace, ids],
    );
    return inRequestedOrder(rows, ids);
  }

  async insertMany(workspace: string, alerts: readonly Alert[]): Promise<void> {
    await this.saveBatch(workspace, { insert: alerts, update: [] });
  }

  updateMany(workspace: string, alerts: readonly Alert[]): Promise<Alert[]> {
    return this.saveBatch(workspace, { insert: [], update: alerts });
  }

  async processedDetections(workspace: string, ids: readonly string[], now: number): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await this.#db.run({ workspace }, async (c) => {
      const result = await c.query<{ detection_id: string }>(
        `SELECT detection_id FROM processed_detections
         WHERE workspace = $1 AND until > $2 AND detection_id = ANY($3::text[])`,
        [workspace, now, ids],
      );
      return new Set(result.rows.map((r) => r.detection_id));
    });
    return ids.filter((id) => found.has(id));
  }

  saveBatch(workspace: string, batch: AlertBatch): Promise<Alert[]> {
    return this.#db.run({ workspace }, async (c) => {
      checkSameWorkspace(workspace, [...batch.insert, ...batch.update], 'alert');
      if (batch.processed !== undefined) await recordProcessed(c, workspace, batch.processed);
      await this.#insert(c, workspace, batch.insert);
      const out: Alert[] = [];
      for (const a of batch.update) {
        const next: Alert = { ...a, version: a.version + 1 };
        const result = await c.query(
          `UPDATE alerts SET version = $3, status = $5, severity = $6, rule_id = $7, incident_id = $8,
             dedup_key = $9, dedup_until = $10, first_seen_at = $11, last_seen_at = $12, entity_keys = $13,
             data = $14
           WHERE workspace = $1 AND id = $2 AND version = $4`,
          [workspace, a.id, next.version, a.version, ...columns(a), JSON.stringify(next)],
        );
        if ((result.rowCount ?? 0) === 0) {
          const row = await c.query<{ version: number }>(
            'SELECT version FROM alerts WHERE workspace = $1 AND id = $2',
            [workspace, a.id],
          );
          const stored = row.rows[0];
          if (stored === undefined) throw alertNotFound(workspace, a.id);
          throw alertVersionConflict(a.id, a.version, stored.version);
        }
        out.push(structuredClone(next));
      }
      return out;
    });
  }

  async #insert(c: PoolClient, workspace: string, alerts: readonly Alert[]): Promise<void> {
    const taken = await existingIds(
      c,
      'alerts',
      workspace,
      alerts.map((a) => a.id),
    );
    const seen = new Set<string>();
    for (const a of alerts) {
      if (seen.has(a.id) || taken.has(a.id)) throw alertExists(a.id);
      seen.add(a.id);
    }
    for (const a of alerts) {
      try {
        await c.query(
          `INSERT INTO alerts (workspace, id, version, created_at, status, severity, rule_id, incident_id,
             dedup_key, dedup_until, first_seen_at, last_seen_at, entity_keys, data)
           VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [workspace, a.id, a.createdAt, ...columns(a), JSON.stringify({ ...a, version: 1 })],
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw alertExists(a.id);
        throw error;
      }
    }
  }

  findDedupTargets(workspace: string, keys: readonly string[], now: number): Promise<Alert[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return this.#read(
      workspace,
      `SELECT version, data FROM alerts
       WHERE workspace = $1 AND dedup_key = ANY($2::text[]) AND status <> 'closed' AND dedup_until > $3
       ORDER BY created_at DESC, id`,
      [workspace, keys, now],
    );
  }

  findByEntities(
    workspace: string,
    entityKeys: readonly string[],
    since: number,
    until: number,
    limit = 100,
  ): Promise<Alert[]> {
    if (entityKeys.length === 0) return Promise.resolve([]);
    return this.#read(
      workspace,
      `SELECT version, data FROM alerts
       WHERE workspace = $1 AND entity_keys && $2::text[] AND last_seen_at >= $3 AND first_seen_at <= $4
       ORDER BY last_seen_at DESC, id LIMIT $5`,
      [workspace, entityKeys, since, until, Math.max(0, limit)],
    );
  }

  list(workspace: string, query: AlertQuery = {}): Promise<Alert[]> {
    const params: unknown[] = [workspace];
    const where = ['workspace = $1'];
    const add = (clause: string, value: unknown): void => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (query.status !== undefined) add('status = ANY(?::text[])', query.status);
    if (query.severity !== undefined) add('severity = ANY(?::text[])', query.severity);
    if (query.ruleId !== undefined) add('rule_id = ?', query.ruleId);
    if (query.incidentId !== undefined) add('incident_id = ?', query.incidentId);
    if (query.entityKey !== undefined) add('entity_keys @> ARRAY[?::text]', query.entityKey);
    if (query.createdFrom !== undefined) add('created_at >= ?', query.createdFrom);
    if (query.createdTo !== undefined) add('created_at < ?', query.createdTo);
    if (query.after !== undefined) add('id > ?', query.after);
    params.push(Math.min(Math.max(query.limit ?? 100, 1), 1000));
    return this.#read(
      workspace,
      `SELECT version, data FROM alerts WHERE ${where.join(' AND ')} ORDER BY id LIMIT $${params.length}`,
      params,
    );
  }
}
