import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { checkSameWorkspace, incidentExists, incidentNotFound, incidentVersionConflict } from '@vigil/cases';
import type { Incident, IncidentQuery, IncidentRepository } from '@vigil/cases';
import type { WriteQueue } from '../connection/write-queue.ts';
import { writeTransaction } from '../connection/sqlite-transaction.ts';
import { listDocs, readDocs, readDocsByIds, writeEntityKeys } from './sqlite-doc-rows.ts';

/** `IncidentRepository` on SQLite: one row per incident (JSON + indexed columns), entity keys in a side table. */
export class SqliteIncidentRepository implements IncidentRepository {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;

  constructor(db: DatabaseSync, writes: WriteQueue) {
    this.#db = db;
    this.#writes = writes;
  }

  #all(sql: string, ...params: SQLInputValue[]): Incident[] {
    return readDocs<Incident>(this.#db, sql, ...params);
  }

  get(workspace: string, id: string): Promise<Incident | undefined> {
    return Promise.resolve().then(
      () => this.#all('SELECT version, data FROM incidents WHERE workspace = ? AND id = ?', workspace, id)[0],
    );
  }

  getMany(workspace: string, wanted: readonly string[]): Promise<Incident[]> {
    return Promise.resolve().then(() => readDocsByIds<Incident>(this.#db, 'incidents', workspace, wanted));
  }

  insertMany(workspace: string, incidents: readonly Incident[]): Promise<void> {
    return this.#writes.run(() =>
      writeTransaction(this.#db, () => {
        checkSameWorkspace(workspace, incidents, 'incident');
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
        checkSameWorkspace(workspace, incidents, 'incident');
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
    writeEntityKeys(this.#db, 'incident_entities', workspace, incident.id, incident.entityKeys, replace);
  }

  list(workspace: string, query: IncidentQuery = {}): Promise<Incident[]> {
    return Promise.resolve().then(() =>
      listDocs<Incident>(this.#db, 'incidents', workspace, query, [
        query.owner === undefined ? undefined : ['owner = ?', query.owner],
        query.entityKey === undefined
          ? undefined
          : [
              'id IN (SELECT incident_id FROM incident_entities WHERE workspace = ? AND entity_key = ?)',
              workspace,
              query.entityKey,
            ],
      ]),
    );
  }
}
