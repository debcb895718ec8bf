import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { inRequestedOrder } from '@vigil/cases';

/** A stored alert/incident row: JSON text plus the version column (the source of truth for the version). */
interface DocRow {
  version: number;
  data: string;
}

/** Runs a `SELECT version, data …` and parses the documents, taking the version from its column. */
export function readDocs<T extends { version: number }>(
  db: DatabaseSync,
  sql: string,
  ...params: SQLInputValue[]
): T[] {
  return (db.prepare(sql).all(...params) as unknown as DocRow[]).map((r) => ({
    ...(JSON.parse(r.data) as T),
    version: r.version,
  }));
}

/** The documents of these ids in the order asked (missing ones left out): `getMany` of both repositories. */
export function readDocsByIds<T extends { id: string; version: number }>(
  db: DatabaseSync,
  table: 'alerts' | 'incidents',
  workspace: string,
  wanted: readonly string[],
): T[] {
  if (wanted.length === 0) return [];
  const found = readDocs<T>(
    db,
    `SELECT version, data FROM ${table} WHERE workspace = ? AND id IN (SELECT value FROM json_each(?))`,
    workspace,
    JSON.stringify(wanted),
  );
  return inRequestedOrder(found, wanted);
}

const entityTables = {
  alert_entities: 'alert_id',
  incident_entities: 'incident_id',
} as const;

/** Writes a document's entity keys to its side table (replacing the old ones on update), for entity lookups. */
export function writeEntityKeys(
  db: DatabaseSync,
  table: keyof typeof entityTables,
  workspace: string,
  id: string,
  keys: readonly string[],
  replace: boolean,
): void {
  const column = entityTables[table];
  if (replace) db.prepare(`DELETE FROM ${table} WHERE workspace = ? AND ${column} = ?`).run(workspace, id);
  const insert = db.prepare(
    `INSERT OR IGNORE INTO ${table} (workspace, entity_key, ${column}) VALUES (?, ?, ?)`,
  );
  for (const key of keys) insert.run(workspace, key, id);
}

/** The filters alert and incident lists share (status/severity lists, creation range, keyset cursor). */
export interface CommonListQuery {
  status?: readonly string[];
  severity?: readonly string[];
  createdFrom?: number;
  createdTo?: number;
  after?: string;
  limit?: number;
}

/**
 * A `SELECT version, data … ORDER BY id LIMIT ?` over `table` for one workspace: the shared filters
 * plus `extra` clauses (each with its parameters), for both list methods.
 */
export function listDocs<T extends { version: number }>(
  db: DatabaseSync,
  table: 'alerts' | 'incidents',
  workspace: string,
  query: CommonListQuery,
  extra: readonly (readonly [string, ...SQLInputValue[]] | undefined)[],
): T[] {
  const clauses: (readonly [string, ...SQLInputValue[]] | undefined)[] = [
    query.status && ['status IN (SELECT value FROM json_each(?))', JSON.stringify(query.status)],
    query.severity && ['severity IN (SELECT value FROM json_each(?))', JSON.stringify(query.severity)],
    ...extra,
    query.createdFrom === undefined ? undefined : ['created_at >= ?', query.createdFrom],
    query.createdTo === undefined ? undefined : ['created_at < ?', query.createdTo],
    query.after === undefined ? undefined : ['id > ?', query.after],
  ];
  const where = ['workspace = ?'];
  const params: SQLInputValue[] = [workspace];
  for (const c of clauses) {
    if (c === undefined) continue;
    const [sql, ...values] = c;
    where.push(sql);
    params.push(...values);
  }
  params.push(Math.min(Math.max(query.limit ?? 100, 1), 1000));
  return readDocs<T>(
    db,
    `SELECT version, data FROM ${table} WHERE ${where.join(' AND ')} ORDER BY id LIMIT ?`,
    ...params,
  );
}
