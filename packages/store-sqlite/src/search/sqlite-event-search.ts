import type { DatabaseSync } from 'node:sqlite';
import { dayOf, decodeCursor, encodeCursor, MAX_QUERY_LIMIT } from '@vigil/core';
import type { EventCursor, EventSearch, EventSearchRequest, EventSearchResult } from '@vigil/core';
import {
  statsRows,
  timechartRows,
  isPageable,
  splitPlan,
  checkSearchRequest,
  cursorNotAllowed,
  readWindow,
  runRest,
  limitRows,
} from '@vigil/query';
import type { QueryPlan, SplitPlan } from '@vigil/query';
import { SqlParams } from '../events/sql-params.ts';
import type { Partition } from '../events/sqlite-partitions.ts';
import { partitionRowsSql, SqlitePartitions } from '../events/sqlite-partitions.ts';
import { EXTRACTED_COLUMN_LIST, EXTRACTED_NONE } from '../events/extracted-columns.ts';
import { aggregateSqlite } from './sqlite-aggregate-sql.ts';
import { compileSqliteExpr } from './sqlite-expr-sql.ts';
import { orderBySql, unionAll } from './sqlite-order-sql.ts';
import { registerSearchFunctions, SearchDeadline } from './sqlite-search-functions.ts';
import { streamSearch } from './stream-search.ts';

type Request = EventSearchRequest<QueryPlan>;
type Doc = Record<string, unknown>;

/**
 * Query-language search over the embedded store. What runs where (docs/query-language.md §5):
 * the search and pushable where/sort/head, the time range (only the day tables it touches) and
 * stats/timechart grouping run in SQLite; later stages run in JS over at most the page/head rows or
 * MAX_GROUPS groups. node:sqlite has no interrupt, so the time budget is checked by `vigil_deadline()`
 * on every row read, which aborts the statement.
 */
export class SqliteEventSearch implements EventSearch<QueryPlan> {
  readonly #db: DatabaseSync;
  readonly #partitions: SqlitePartitions;
  readonly #deadline = new SearchDeadline();

  constructor(db: DatabaseSync) {
    this.#db = db;
    this.#partitions = new SqlitePartitions(db);
    registerSearchFunctions(db, this.#deadline);
  }

  search(req: Request): Promise<EventSearchResult> {
    return Promise.resolve().then(() => this.#timed(req, () => this.#search(req)));
  }

  stream(req: Request): AsyncIterable<readonly Doc[]> {
    return streamSearch((r) => this.search(r), req);
  }

  #timed<T>(req: Request, work: () => T): T {
    this.#deadline.start(req.timeoutMs);
    try {
      return work();
    } finally {
      this.#deadline.stop();
    }
  }

  #search(req: Request): EventSearchResult {
    checkSearchRequest(req);
    const plan = req.plan;
    const split = splitPlan(plan);
    const window = readWindow(req, split);
    const columns = plan.columns === undefined ? {} : { columns: plan.columns };
    const partitions = this.#partitionsIn(req, window);
    if (split.aggregate !== undefined) {
      if (req.cursor !== undefined) throw cursorNotAllowed();
      const table = aggregateSqlite(
        this.#db,
        (params) => this.#base(partitions, split, req, window, params, split.head),
        split.aggregate,
      );
      const grouped =
        split.aggregate.kind === 'stats'
          ? statsRows(split.aggregate, table)
          : timechartRows(split.aggregate, table, req);
      return {
        ...limitRows(runRest(plan, split.rest, grouped, req), req.limit),
        aggregated: true,
        ...columns,
      };
    }
    if (isPageable(split)) {
      const page = this.#page(partitions, split, req, window);
      const rows = runRest(plan, split.rest, page.events, req);
      return { rows, aggregated: false, ...columns, ...(page.next === undefined ? {} : { next: page.next }) };
    }
    if (req.cursor !== undefined) throw cursorNotAllowed();
    // Sorted or limited: one ordered statement; JS stages after it see at most head/limit rows.
    // One row past the limit tells a cut result (truncated) from an exact fit.
    const limit = split.head ?? (split.restIsProjection ? req.limit + 1 : MAX_QUERY_LIMIT);
    const params = new SqlParams();
    // json(): day tables store JSONB (layout 2) or JSON text (layout 1); both come out as text.
    const sql = `SELECT json(doc) AS doc FROM ${this.#base(partitions, split, req, window, params, limit)}`;
    const events = (this.#db.prepare(sql).all(...params.values) as { doc: string }[]).map(
      (r) => JSON.parse(r.doc) as Doc,
    );
    return { ...limitRows(runRest(plan, split.rest, events, req), req.limit), aggregated: false, ...columns };
  }

  #partitionsIn(req: Request, window: { from: number; to: number }): Partition[] {
    if (window.from >= window.to) return [];
    const spaces = this.#partitions.spaces(req.workspace, req.dataSpaces);
    if (spaces.length === 0) return [];
    return this.#partitions.list(spaces, dayOf(window.from), dayOf(window.to - 1));
  }

  /** `(SELECT space, ts, id, doc …)` over the partitions: filter, time range, optional order + limit. */
  #base(
    partitions: readonly Partition[],
    split: SplitPlan,
    req: Request,
    window: { from: number; to: number },
    params: SqlParams,
    limit?: number,
  ): string {
    const from = params.add(window.from);
    const to = params.add(window.to);
    const filter = compileSqliteExpr(split.search, params, req.now);
    const branches = partitions.map(
      (p) =>
        `SELECT space, ts, id, ${EXTRACTED_COLUMN_LIST}, doc FROM ${partitionRowsSql(p)} WHERE ts >= ${from} AND ts < ${to} AND vigil_deadline() AND ${filter}`,
    );
    if (branches.length === 0) {
      // Nothing to read; still a statement that binds every parameter the caller added.
      branches.push(
        `SELECT * FROM (SELECT 0 AS space, 0 AS ts, '' AS id, ${EXTRACTED_NONE}, '{}' AS doc) WHERE 0 AND ts >= ${from} AND ts < ${to} AND ${filter}`,
      );
    }
    const union = unionAll(branches);
    if (limit === undefined) return `(${union})`;
    return `(SELECT space, ts, id, ${EXTRACTED_COLUMN_LIST}, doc FROM (${union}) ORDER BY ${orderBySql(split.sort, params)} LIMIT ${params.add(limit)})`;
  }

  /** A page in event-time order (newest first), walking day tables until full; keyset cursor. */
  #page(
    partitions: readonly Partition[],
    split: SplitPlan,
    req: Request,
    window: { from: number; to: number },
  ) {
    const cursor = req.cursor === undefined ? undefined : decodeCursor(req.cursor, 'desc');
    const params = new SqlParams();
    const from = params.add(window.from);
    const to = params.add(window.to);
    const filter = compileSqliteExpr(split.search, params, req.now);
    const c = cursor && { ts: params.add(cursor.ts), id: params.add(cursor.id) };
    const limitParam = params.add(req.limit + 1);
    const limitIndex = params.values.length - 1;
    const byDay = new Map<number, Partition[]>();
    for (const p of partitions) {
      if (cursor && p.day > dayOf(cursor.ts)) continue;
      byDay.set(p.day, [...(byDay.get(p.day) ?? []), p]);
    }
    const rows: { ts: number; id: string; space: number; doc: string }[] = [];
    for (const day of [...byDay.keys()].sort((a, b) => b - a)) {
      params.values[limitIndex] = req.limit + 1 - rows.length;
      const branches = (byDay.get(day) ?? []).map((p) => {
        const where = [`ts >= ${from}`, `ts < ${to}`, 'vigil_deadline()', filter];
        if (cursor && c) where.push(keysetBefore(p.space, cursor, c));
        return `SELECT ts, id, space, doc FROM ${partitionRowsSql(p)} WHERE ${where.join(' AND ')}`;
      });
      const sql = `SELECT ts, id, space, json(doc) AS doc FROM (${branches.join(' UNION ALL ')}) ORDER BY ts DESC, id DESC, space DESC LIMIT ${limitParam}`;
      rows.push(...(this.#db.prepare(sql).all(...params.values) as unknown as typeof rows));
      if (rows.length > req.limit) break;
    }
    const events = rows.slice(0, req.limit).map((r) => JSON.parse(r.doc) as Doc);
    const last = rows[req.limit - 1];
    if (rows.length <= req.limit || !last) return { events };
    return { events, next: encodeCursor({ order: 'desc', ts: last.ts, id: last.id, space: last.space }) };
  }
}

/** Rows strictly after the cursor in descending (ts, id, space) order; `space` is constant per table. */
function keysetBefore(space: number, cursor: EventCursor, c: { ts: string; id: string }): string {
  return `(ts, id) ${space < cursor.space ? '<=' : '<'} (${c.ts}, ${c.id})`;
}
