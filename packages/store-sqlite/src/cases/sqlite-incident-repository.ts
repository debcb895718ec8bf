import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { unexpectedError } from '@vigil/core';
import { incidentExists, incidentNotFound, incidentVersionConflict } from '@vigil/cases';
import type { Incident, IncidentQuery, IncidentRepository } from '@vigil/cases';
import type { WriteQueue } from '../connection/write-queue.ts';
import { writeTransaction } from '../connection/sqlite-transaction.ts';

interface Row {
  version: number;
  data: string;
}

const toIncident = (r: Row): Incident => ({ ...(JSON.parse(r.data) as Incident), version: r.version });

function checkWorkspace(workspace: string, incidents: readonly Incident[]): void {
  const other = incidents.find((i) => i.workspace !== workspace);
  if (other !== undefined) {
    throw unexpectedError('WORKSPACE_MISMATCH', 'An incident of another workspace was passed', {
      details: { workspace, incident: other.id },
    });
  }
}

/** `IncidentRepository` on SQLite: one row per incident (JSON + indexed columns), entity keys in a side table. */
export class SqliteIncidentRepository implements IncidentRepository {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;

  constructor(db: DatabaseSync, writes: WriteQueue) {
    this.#db = db;
    this.#writes = writes;
  }

  #all(sql: string, ...params: SQLInputValue[]): Incident[] {
    return (this.#db.prepare(sql).all(...params) as unknown as Row[]).map(toIncident);
  }

  get(workspace: string, id: string): Promise<Incident | undefined> {
    return Promise.resolve().then(
      () => this.#all('SELECT version, data FROM incidents WHERE workspace = ? AND id = ?', workspace, id)[0],
    );
  }

  getMany(workspace: string, wanted: readonly string[]): Promise<Incident[]> {
    return Promise.resolve().then(() => {
      if (wanted.length === 0) return [];
      const found = new Map(
        this.#all(
          'SELECT version, data FROM incidents WHERE workspace = ? AND id IN (SELECT value FROM json_each(?))',
          workspace,
          JSON.stringify(wanted),
        ).map((i) => [i.id, i]),
      );
      return wanted.flatMap((id) => {
        const i = found.get(id);
        return i === undefined ? [] : [structuredClone(i)];
      });
    });
  }

  insertMany(workspace: string, incidents: readonly Incident[]): Promise<void> {
    return this.#writes.run(() =>
      writeTransaction(this.#db, () => {
        checkWorkspace(workspace, incidents);
        const exists = this.#db.prepare('SELECT 1 FROM incidents WHERE workspace = ? AND id = ?');
        const seen = new Set<string>();
        for (const i of incidents) {
          if (seen.has(i.id) || exists.get(workspace, i.id) !== undefined) throw incidentExists(i.id);
          seen.add(i.id);
        }
        const insert = this.#db.prepare(
          `INSERT INTO incidents (workspace, id, version, status, severity, owner, created_at, data)
           VALUES (?, ?, 1, ?, ?, ?, ?, ?)`,
        );
        for (const i of incidents) {
          insert.run(
            workspace,
            i.id,
            i.status,
            i.severity,
            i.owner ?? null,
            i.createdAt,
            JSON.stringify({ ...i, version: 1 }),
          );
          this.#writeEntities(workspace, i, false);
        }
      }),
    );
  }

  updateMany(workspace: string, incidents: readonly Incident[]): Promise<Incident[]> {
    return this.#writes.run(() =>
      writeTransaction(this.#db, () => {
        checkWorkspace(workspace, incidents);
        const update = this.#db.prepare(
          `UPDATE incidents SET version = ?, status = ?, severity = ?, owner = ?, data = ?
           WHERE workspace = ? AND id = ? AND version = ?`,
        );
        const version = this.#db.prepare('SELECT version FROM incidents WHERE workspace = ? AND id = ?');
        const out: Incident[] = [];
        for (const i of incidents) {
          const next: Incident = { ...i, version: i.version + 1 };
          const result = update.run(
            next.version,
            i.status,
            i.severity,
            i.owner ?? null,
            JSON.stringify(next),
            workspace,
            i.id,
            i.version,
          );
          if (Number(result.changes) === 0) {
            const row = version.get(workspace, i.id) as { version: number } | undefined;
            if (row === undefined) throw incidentNotFound(workspace, i.id);
            throw incidentVersionConflict(i.id, i.version, row.version);
          }
          this.#writeEntities(workspace, i, true);
          out.push(structuredClone(next));
        }
        return out;
      }),
    );
  }

  #writeEntities(workspace: string, incident: Incident, replace: boolean): void {
    if (replace) {
      this.#db
        .prepare('DELETE FROM incident_entities WHERE workspace = ? AND incident_id = ?')
        .run(workspace, incident.id);
    }
    const insert = this.#db.prepare(
      'INSERT OR IGNORE INTO incident_entities (workspace, entity_key, incident_id) VALUES (?, ?, ?)',
    );
    for (const key of incident.entityKeys) insert.run(workspace, key, incident.id);
  }

  list(workspace: string, query: IncidentQuery = {}): Promise<Incident[]> {
    return Promise.resolve().then(() => {
      const where = ['workspace = ?'];
      const params: SQLInputValue[] = [workspace];
      if (query.status !== undefined) {
        where.push('status IN (SELECT value FROM json_each(?))');
        params.push(JSON.stringify(query.status));
      }
      if (query.severity !== undefined) {
        where.push('severity IN (SELECT value FROM json_each(?))');
        params.push(JSON.stringify(query.severity));
      }
      if (query.owner !== undefined) {
        where.push('owner = ?');
        params.push(query.owner);
      }
      if (query.entityKey !== undefined) {
        where.push(
          'id IN (SELECT incident_id FROM incident_entities WHERE workspace = ? AND entity_key = ?)',
        );
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
        `SELECT version, data FROM incidents WHERE ${where.join(' AND ')} ORDER BY id LIMIT ?`,
        ...params,
      );
    });
  }
}
