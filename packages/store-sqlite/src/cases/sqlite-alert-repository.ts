import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import {
  alertExists,
  alertNotFound,
  alertVersionConflict,
  checkSameWorkspace,
  detectionAlreadyProcessed,
} from '@vigil/cases';
import type { Alert, AlertBatch, AlertQuery, AlertRepository, ProcessedDetections } from '@vigil/cases';
import type { WriteQueue } from '../connection/write-queue.ts';
import { writeTransaction } from '../connection/sqlite-transaction.ts';
import { listDocs, readDocs, readDocsByIds, writeEntityKeys } from './sqlite-doc-rows.ts';

const ids = (values: readonly string[]): string => JSON.stringify(values);

/** `AlertRepository` on SQLite: one row per alert (JSON + indexed columns), entity keys in a side table. */
export class SqliteAlertRepository implements AlertRepository {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;

  constructor(db: DatabaseSync, writes: WriteQueue) {
    this.#db = db;
    this.#writes = writes;
  }

  #all(sql: string, ...params: SQLInputValue[]): Alert[] {
    return readDocs<Alert>(this.#db, sql, ...params);
  }

  get(workspace: string, id: string): Promise<Alert | undefined> {
    return Promise.resolve().then(
      () => this.#all('SELECT version, data FROM alerts WHERE workspace = ? AND id = ?', workspace, id)[0],
    );
  }

  getMany(workspace: string, wanted: readonly string[]): Promise<Alert[]> {
    return Promise.resolve().then(() => readDocsByIds<Alert>(this.#db, 'alerts', workspace, wanted));
  }

  insertMany(workspace: string, alerts: readonly Alert[]): Promise<void> {
    return this.saveBatch(workspace, { insert: alerts, update: [] }).then(() => undefined);
  }

  updateMany(workspace: string, alerts: readonly Alert[]): Promise<Alert[]> {
    return this.saveBatch(workspace, { insert: [], update: alerts });
  }

  processedDetections(workspace: string, wanted: readonly string[], now: number): Promise<string[]> {
    return Promise.resolve().then(() => {
      if (wanted.length === 0) return [];
      const rows = this.#db
        .prepare(
          `SELECT detection_id FROM processed_detections
           WHERE workspace = ? AND until > ? AND detection_id IN (SELECT value FROM json_each(?))`,
        )
        .all(workspace, now, ids(wanted)) as unknown as { detection_id: string }[];
      const found = new Set(rows.map((r) => r.detection_id));
      return wanted.filter((id) => found.has(id));
    });
  }

  saveBatch(workspace: string, batch: AlertBatch): Promise<Alert[]> {
    return this.#writes.run(() =>
      writeTransaction(this.#db, () => {
        checkSameWorkspace(workspace, [...batch.insert, ...batch.update], 'alert');
        if (batch.processed !== undefined) this.#recordProcessed(workspace, batch.processed);
        const seen = new Set<string>();
        const exists = this.#db.prepare('SELECT 1 FROM alerts WHERE workspace = ? AND id = ?');
        for (const a of batch.insert) {
          if (seen.has(a.id) || exists.get(workspace, a.id) !== undefined) throw alertExists(a.id);
          seen.add(a.id);
        }
        const insert = this.#db.prepare(
          `INSERT INTO alerts (workspace, id, version, status, severity, rule_id, incident_id, dedup_key,
             dedup_until, first_seen_at, last_seen_at, created_at, data)
           VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        for (const a of batch.insert) {
          const stored = { ...a, version: 1 };
          insert.run(
            workspace,
            a.id,
            a.status,
            a.severity,
            a.rule.id,
            a.incidentId ?? null,
            a.dedupKey,
            a.dedupUntil,
            a.firstSeenAt,
            a.lastSeenAt,
            a.createdAt,
            JSON.stringify(stored),
          );
          this.#writeEntities(workspace, a, false);
        }
        const update = this.#db.prepare(
          `UPDATE alerts SET version = ?, status = ?, severity = ?, rule_id = ?, incident_id = ?, dedup_key = ?,
             dedup_until = ?, first_seen_at = ?, last_seen_at = ?, data = ?
           WHERE workspace = ? AND id = ? AND version = ?`,
        );
        const version = this.#db.prepare('SELECT version FROM alerts WHERE workspace = ? AND id = ?');
        const out: Alert[] = [];
        for (const a of batch.update) {
          const next: Alert = { ...a, version: a.version + 1 };
          const result = update.run(
            next.version,
            a.status,
            a.severity,
            a.rule.id,
            a.incidentId ?? null,
            a.dedupKey,
            a.dedupUntil,
            a.firstSeenAt,
            a.lastSeenAt,
            JSON.stringify(next),
            workspace,
            a.id,
            a.version,
          );
          if (Number(result.changes) === 0) {
            const row = version.get(workspace, a.id) as { version: number } | undefined;
            if (row === undefined) throw alertNotFound(workspace, a.id);
            throw alertVersionConflict(a.id, a.version, row.version);
          }
          this.#writeEntities(workspace, a, true);
          out.push(structuredClone(next));
        }
        return out;
      }),
    );
  }

  /** Forgets expired ids, then remembers these; one still remembered fails the whole write. */
  #recordProcessed(workspace: string, processed: ProcessedDetections): void {
    this.#db
      .prepare('DELETE FROM processed_detections WHERE workspace = ? AND until <= ?')
      .run(workspace, processed.at);
    const insert = this.#db.prepare(
      `INSERT INTO processed_detections (workspace, detection_id, until) VALUES (?, ?, ?)
       ON CONFLICT (workspace, detection_id) DO NOTHING`,
    );
    for (const id of new Set(processed.ids)) {
      if (Number(insert.run(workspace, id, processed.until).changes) === 0) {
        throw detectionAlreadyProcessed(id);
      }
    }
  }

  #writeEntities(workspace: string, alert: Alert, replace: boolean): void {
    writeEntityKeys(this.#db, 'alert_entities', workspace, alert.id, alert.entityKeys, replace);
  }

  findDedupTargets(workspace: string, keys: readonly string[], now: number): Promise<Alert[]> {
    return Promise.resolve().then(() =>
      keys.length === 0
        ? []
        : this.#all(
            `SELECT version, data FROM alerts
             WHERE workspace = ? AND dedup_key IN (SELECT value FROM json_each(?))
               AND status <> 'closed' AND dedup_until > ?
             ORDER BY created_at DESC, id`,
            workspace,
            ids(keys),
            now,
          ),
    );
  }

  findByEntities(
    workspace: string,
    entityKeys: readonly string[],
    since: number,
    until: number,
    limit = 100,
  ): Promise<Alert[]> {
    return Promise.resolve().then(() =>
      entityKeys.length === 0
        ? []
        : this.#all(
            `SELECT version, data FROM alerts
             WHERE workspace = ? AND last_seen_at >= ? AND first_seen_at <= ?
               AND id IN (SELECT alert_id FROM alert_entities
                          WHERE workspace = ? AND entity_key IN (SELECT value FROM json_each(?)))
             ORDER BY last_seen_at DESC, id LIMIT ?`,
            workspace,
            since,
            until,
            workspace,
            ids(entityKeys),
            Math.max(0, limit),
          ),
    );
  }

  list(workspace: string, query: AlertQuery = {}): Promise<Alert[]> {
    return Promise.resolve().then(() =>
      listDocs<Alert>(this.#db, 'alerts', workspace, query, [
        query.ruleId === undefined ? undefined : ['rule_id = ?', query.ruleId],
        query.incidentId === undefined ? undefined : ['incident_id = ?', query.incidentId],
        query.entityKey === undefined
          ? undefined
          : [
              'id IN (SELECT alert_id FROM alert_entities WHERE workspace = ? AND entity_key = ?)',
              workspace,
              query.entityKey,
            ],
      ]),
    );
  }
}
