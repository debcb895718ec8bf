import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { unexpectedError } from '@vigil/core';
import { alertExists, alertNotFound, alertVersionConflict } from '@vigil/cases';
import type { Alert, AlertQuery, AlertRepository } from '@vigil/cases';
import type { WriteQueue } from '../connection/write-queue.ts';
import { writeTransaction } from '../connection/sqlite-transaction.ts';

interface Row {
  version: number;
  data: string;
}

const toAlert = (r: Row): Alert => ({ ...(JSON.parse(r.data) as Alert), version: r.version });
const ids = (values: readonly string[]): string => JSON.stringify(values);

function checkWorkspace(workspace: string, alerts: readonly Alert[]): void {
  const other = alerts.find((a) => a.workspace !== workspace);
  if (other !== undefined) {
    throw unexpectedError('WORKSPACE_MISMATCH', 'An alert of another workspace was passed', {
      details: { workspace, alert: other.id },
    });
  }
}

/** `AlertRepository` on SQLite: one row per alert (JSON + indexed columns), entity keys in a side table. */
export class SqliteAlertRepository implements AlertRepository {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;

  constructor(db: DatabaseSync, writes: WriteQueue) {
    this.#db = db;
    this.#writes = writes;
  }

  #all(sql: string, ...params: SQLInputValue[]): Alert[] {
    return (this.#db.prepare(sql).all(...params) as unknown as Row[]).map(toAlert);
  }

  get(workspace: string, id: string): Promise<Alert | undefined> {
    return Promise.resolve().then(
      () => this.#all('SELECT version, data FROM alerts WHERE workspace = ? AND id = ?', workspace, id)[0],
    );
  }

  getMany(workspace: string, wanted: readonly string[]): Promise<Alert[]> {
    return Promise.resolve().then(() => {
      if (wanted.length === 0) return [];
      const found = new Map(
        this.#all(
          'SELECT version, data FROM alerts WHERE workspace = ? AND id IN (SELECT value FROM json_each(?))',
          workspace,
          ids(wanted),
        ).map((a) => [a.id, a]),
      );
      return wanted.flatMap((id) => {
        const a = found.get(id);
        return a === undefined ? [] : [structuredClone(a)];
      });
    });
  }

  insertMany(workspace: string, alerts: readonly Alert[]): Promise<void> {
    return this.saveBatch(workspace, { insert: alerts, update: [] }).then(() => undefined);
  }

  updateMany(workspace: string, alerts: readonly Alert[]): Promise<Alert[]> {
    return this.saveBatch(workspace, { insert: [], update: alerts });
  }

  saveBatch(
    workspace: string,
    batch: { insert: readonly Alert[]; update: readonly Alert[] },
  ): Promise<Alert[]> {
    return this.#writes.run(() =>
      writeTransaction(this.#db, () => {
        checkWorkspace(workspace, [...batch.insert, ...batch.update]);
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

  #writeEntities(workspace: string, alert: Alert, replace: boolean): void {
    if (replace) {
      this.#db
        .prepare('DELETE FROM alert_entities WHERE workspace = ? AND alert_id = ?')
        .run(workspace, alert.id);
    }
    const insert = this.#db.prepare(
      'INSERT OR IGNORE INTO alert_entities (workspace, entity_key, alert_id) VALUES (?, ?, ?)',
    );
    for (const key of alert.entityKeys) insert.run(workspace, key, alert.id);
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
    return Promise.resolve().then(() => {
      const where = ['workspace = ?'];
      const params: SQLInputValue[] = [workspace];
      if (query.status !== undefined) {
        where.push('status IN (SELECT value FROM json_each(?))');
        params.push(ids(query.status));
      }
      if (query.severity !== undefined) {
        where.push('severity IN (SELECT value FROM json_each(?))');
        params.push(ids(query.severity));
      }
      if (query.ruleId !== undefined) {
        where.push('rule_id = ?');
        params.push(query.ruleId);
      }
      if (query.incidentId !== undefined) {
        where.push('incident_id = ?');
        params.push(query.incidentId);
      }
      if (query.entityKey !== undefined) {
        where.push('id IN (SELECT alert_id FROM alert_entities WHERE workspace = ? AND entity_key = ?)');
        params.push(workspace, query.entityKey);
      }
      if (query.createdFrom !== undefined) {
        where.push('created_at >= ?');
        params.push(query.createdFrom);
      }
      if (query.createdTo !== undefined) {
        where.push('created_at < ?');
        params.push(query.createdTo);
      }
      if (query.after !== undefined) {
        where.push('id > ?');
        params.push(query.after);
      }
      params.push(Math.min(Math.max(query.limit ?? 100, 1), 1000));
      return this.#all(
        `SELECT version, data FROM alerts WHERE ${where.join(' AND ')} ORDER BY id LIMIT ?`,
        ...params,
      );
    });
  }
}
