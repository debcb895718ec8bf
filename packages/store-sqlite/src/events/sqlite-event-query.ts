import type { DatabaseSync } from 'node:sqlite';
import { checkQuery, checkRange, dayOf, decodeCursor, encodeCursor } from '@vigil/core';
import type { EventCursor, EventPage, EventQuery, EventRange, VigilEvent } from '@vigil/core';
import { SqlParams } from './sql-params.ts';
import { compileSqliteFilter } from './sqlite-filter-sql.ts';
import type { Partition, SqlitePartitions } from './sqlite-partitions.ts';

interface Row {
  ts: number;
  id: string;
  space: number;
  doc: string;
}

interface Placeholders {
  from: string;
  to: string;
  filter: string;
  cursor?: { ts: string; id: string; value: EventCursor };
}

/**
 * Reads a page by walking the day tables in event-time order and stopping once the page is full:
 * days are disjoint, so a page needs only the days it touches. Within a day, the data spaces' tables
 * are merged by (ts, id, space), which is also the keyset the cursor resumes from.
 */
export function queryEvents(db: DatabaseSync, partitions: SqlitePartitions, q: EventQuery): EventPage {
  checkQuery(q);
  const order = q.order ?? 'desc';
  const params = new SqlParams();
  const ph: Placeholders = { from: params.add(q.from), to: params.add(q.to), filter: filterSql(q, params) };
  if (q.cursor !== undefined) {
    const value = decodeCursor(q.cursor, order);
    ph.cursor = { ts: params.add(value.ts), id: params.add(value.id), value };
  }
  const limit = params.add(q.limit + 1);
  const limitIndex = params.values.length - 1;
  const rows: Row[] = [];
  for (const day of daysToRead(partitions, q, order, ph.cursor?.value)) {
    params.values[limitIndex] = q.limit + 1 - rows.length;
    const sql = daySql(day, ph, order, limit);
    rows.push(...(db.prepare(sql).all(...params.values) as unknown as Row[]));
    if (rows.length > q.limit) break;
  }
  const events = rows.slice(0, q.limit).map((r) => JSON.parse(r.doc) as VigilEvent);
  const last = rows[q.limit - 1];
  if (rows.length <= q.limit || !last) return { events };
  return { events, next: encodeCursor({ order, ts: last.ts, id: last.id, space: last.space }) };
}

/** Number of matching events: a count per day table, summed. */
export function countEvents(db: DatabaseSync, partitions: SqlitePartitions, q: EventRange): number {
  checkRange(q);
  const params = new SqlParams();
  const ph = { from: params.add(q.from), to: params.add(q.to), filter: filterSql(q, params) };
  let total = 0;
  for (const p of partitionsInRange(partitions, q)) {
    const sql = `SELECT count(*) AS n FROM "${p.table}" WHERE ts >= ${ph.from} AND ts < ${ph.to} AND ${ph.filter}`;
    total += (db.prepare(sql).get(...params.values) as { n: number }).n;
  }
  return total;
}

function filterSql(q: EventRange, params: SqlParams): string {
  // Compiled before any early return, so an invalid filter is reported even on an empty range.
  return q.filter === undefined ? '1' : compileSqliteFilter(q.filter, params);
}

function partitionsInRange(partitions: SqlitePartitions, q: EventRange, cursor?: EventCursor): Partition[] {
  if (q.from >= q.to) return [];
  const spaces = partitions.spaces(q.workspace, q.dataSpaces);
  if (spaces.length === 0) return [];
  let fromDay = dayOf(q.from);
  let toDay = dayOf(q.to - 1);
  if (cursor?.order === 'asc') fromDay = Math.max(fromDay, dayOf(cursor.ts));
  if (cursor?.order === 'desc') toDay = Math.min(toDay, dayOf(cursor.ts));
  return partitions.list(spaces, fromDay, toDay);
}

function daysToRead(partitions: SqlitePartitions, q: EventRange, order: string, cursor?: EventCursor) {
  const byDay = new Map<number, Partition[]>();
  for (const p of partitionsInRange(partitions, q, cursor)) {
    const list = byDay.get(p.day);
    if (list) list.push(p);
    else byDay.set(p.day, [p]);
  }
  const days = [...byDay.values()];
  return order === 'asc' ? days : days.reverse();
}

function daySql(day: Partition[], ph: Placeholders, order: string, limit: string): string {
  const dir = order === 'asc' ? 'ASC' : 'DESC';
  const branches = day.map((p) => {
    const where = [`ts >= ${ph.from}`, `ts < ${ph.to}`, ph.filter];
    if (ph.cursor) where.push(keyset(p.space, ph.cursor, order));
    return `SELECT ts, id, ${p.space} AS space, json(doc) AS doc FROM "${p.table}" WHERE ${where.join(' AND ')}`;
  });
  return `SELECT ts, id, space, doc FROM (${branches.join(' UNION ALL ')})
    ORDER BY ts ${dir}, id ${dir}, space ${dir} LIMIT ${limit}`;
}

/** Rows strictly after the cursor in (ts, id, space) order; `space` is constant per table. */
function keyset(space: number, c: NonNullable<Placeholders['cursor']>, order: string): string {
  const spaceAfter = order === 'asc' ? space > c.value.space : space < c.value.space;
  const op = order === 'asc' ? (spaceAfter ? '>=' : '>') : spaceAfter ? '<=' : '<';
  return `(ts, id) ${op} (${c.ts}, ${c.id})`;
}
