import type { PoolClient } from 'pg';
import { checkQuery, checkRange, decodeCursor, encodeCursor } from '@vigil/core';
import type { EventPage, EventQuery, EventRange, VigilEvent } from '@vigil/core';
import { PgParams } from './pg-params.ts';
import { compilePgFilter } from './pg-filter-sql.ts';
import type { PgPartitions } from './pg-partitions.ts';

interface Row {
  space_id: number;
  ts: string;
  id: string;
  doc: VigilEvent;
}

/**
 * One statement on the partitioned parent: the planner prunes to the spaces' partitions in range and
 * merges them by (ts, id, space_id), which is also the keyset the cursor resumes from. Runs on `client`
 * in a transaction scoped to `q.workspace`, so row-level security agrees with the WHERE clause.
 */
export async function queryEvents(
  client: PoolClient,
  partitions: PgPartitions,
  q: EventQuery,
): Promise<EventPage> {
  checkQuery(q);
  const order = q.order ?? 'desc';
  const cursor = q.cursor === undefined ? undefined : decodeCursor(q.cursor, order);
  const params = new PgParams();
  const where = await rangeWhere(client, partitions, q, params);
  if (where === undefined) return { events: [] };
  if (cursor) {
    const tuple = `(${params.add(cursor.ts, 'bigint')}, ${params.add(cursor.id, 'text')}, ${params.add(cursor.space, 'int')})`;
    where.push(`(ts, id, space_id) ${order === 'asc' ? '>' : '<'} ${tuple}`);
  }
  const dir = order === 'asc' ? 'ASC' : 'DESC';
  const sql = `SELECT space_id, ts, id, doc FROM events WHERE ${where.join(' AND ')}
    ORDER BY ts ${dir}, id ${dir}, space_id ${dir} LIMIT ${params.add(q.limit + 1, 'int')}`;
  const rows = (await client.query<Row>(sql, params.values)).rows;
  const events = rows.slice(0, q.limit).map((r) => r.doc);
  const last = rows[q.limit - 1];
  if (rows.length <= q.limit || !last) return { events };
  return { events, next: encodeCursor({ order, ts: Number(last.ts), id: last.id, space: last.space_id }) };
}

export async function countEvents(
  client: PoolClient,
  partitions: PgPartitions,
  q: EventRange,
): Promise<number> {
  checkRange(q);
  const params = new PgParams();
  const where = await rangeWhere(client, partitions, q, params);
  if (where === undefined) return 0;
  const sql = `SELECT count(*) AS n FROM events WHERE ${where.join(' AND ')}`;
  const result = await client.query<{ n: string }>(sql, params.values);
  return Number(result.rows[0]?.n ?? 0);
}

/** Conditions for the workspace's spaces, the time range and the filter; undefined when nothing can match. */
async function rangeWhere(
  client: PoolClient,
  partitions: PgPartitions,
  q: EventRange,
  params: PgParams,
): Promise<string[] | undefined> {
  // The filter is compiled (validated) first, so an invalid filter is reported even on an empty range.
  const filterSql = q.filter === undefined ? 'TRUE' : compilePgFilter(q.filter, params);
  if (q.from >= q.to) return undefined;
  const spaces = await partitions.spacesOn(client, q.workspace, q.dataSpaces);
  if (spaces.length === 0) return undefined;
  return [
    `space_id = ANY (${params.add(spaces, 'int[]')})`,
    `ts >= ${params.add(Math.floor(q.from), 'bigint')}`,
    `ts < ${params.add(Math.ceil(q.to), 'bigint')}`,
    filterSql,
  ];
}
