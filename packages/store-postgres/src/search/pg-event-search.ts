import type { Pool, PoolClient } from 'pg';
import { decodeCursor, encodeCursor, MAX_QUERY_LIMIT, userError } from '@vigil/core';
import type { EventSearch, EventSearchRequest, EventSearchResult } from '@vigil/core';
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
import { withTransaction } from '../connection/pg-transaction.ts';
import { PgParams } from '../events/pg-params.ts';
import type { PgPartitions } from '../events/pg-partitions.ts';
import { aggregatePg } from './pg-aggregate-sql.ts';
import { compilePgExpr } from './pg-expr-sql.ts';
import { orderBySql } from './pg-order-sql.ts';

type Request = EventSearchRequest<QueryPlan>;
type Doc = Record<string, unknown>;
type Window = { from: number; to: number };
const EXPORT_BATCH = 1000;
const QUERY_CANCELED = '57014';

/**
 * Query-language search over the distributed store. The search, pushable where/sort/head, the time
 * range (space_id/ts predicates, so only the day partitions in range are scanned) and stats/timechart
 * grouping run in PostgreSQL; later stages run in JS over at most the page/head rows or MAX_GROUPS
 * groups. Each search runs in one read transaction with `SET LOCAL statement_timeout`.
 */
export class PgEventSearch implements EventSearch<QueryPlan> {
  readonly #pool: Pool;
  readonly #partitions: PgPartitions;
  readonly #guard: <T>(work: () => Promise<T>) => Promise<T>;

  constructor(pool: Pool, partitions: PgPartitions, guard: <T>(work: () => Promise<T>) => Promise<T>) {
    this.#pool = pool;
    this.#partitions = partitions;
    this.#guard = guard;
  }

  async search(req: Request): Promise<EventSearchResult> {
    checkSearchRequest(req);
    const split = splitPlan(req.plan);
    const window = readWindow(req, split);
    const spaces =
      window.from < window.to
        ? await this.#guard(() => this.#partitions.spaces(req.workspace, req.dataSpaces))
        : [];
    try {
      return await this.#guard(() =>
        withTransaction(this.#pool, async (client) => {
          // Row-level security (events_workspace_isolation) keys on this setting once it is forced.
          await client.query("SELECT set_config('vigil.workspace', $1, true)", [req.workspace]);
          if (req.timeoutMs !== undefined) {
            await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(req.timeoutMs))}`);
          }
          return this.#run(client, req, split, window, spaces);
        }),
      );
    } catch (error) {
      if (
        (error as { code?: string }).code === QUERY_CANCELED ||
        (error as { cause?: { code?: string } }).cause?.code === QUERY_CANCELED
      ) {
        throw userError(
          'QUERY_TIMEOUT',
          'the search took longer than allowed: narrow the time range or the query',
          { status: 408 },
        );
      }
      throw error;
    }
  }

  async *stream(req: Request): AsyncIterable<readonly Doc[]> {
    if (!isPageable(splitPlan(req.plan))) {
      // Sorted, limited or aggregated: one bounded result (at most `limit` rows).
      const result = await this.search(req);
      if (result.rows.length > 0) yield result.rows;
      return;
    }
    let cursor = req.cursor;
    for (;;) {
      const page = await this.search({
        ...req,
        limit: Math.min(req.limit, EXPORT_BATCH),
        ...(cursor === undefined ? {} : { cursor }),
      });
      if (page.rows.length > 0) yield page.rows;
      if (page.next === undefined) return;
      cursor = page.next;
    }
  }

  async #run(
    client: PoolClient,
    req: Request,
    split: SplitPlan,
    window: Window,
    spaces: number[],
  ): Promise<EventSearchResult> {
    const plan = req.plan;
    const columns = plan.columns === undefined ? {} : { columns: plan.columns };
    if (split.aggregate !== undefined) {
      if (req.cursor !== undefined) throw cursorNotAllowed();
      const table = await aggregatePg(
        client,
        (params) => base(params, split, req, window, spaces, split.head),
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
      const page = await this.#page(client, split, req, window, spaces);
      const rows = runRest(plan, split.rest, page.events, req);
      return { rows, aggregated: false, ...columns, ...(page.next === undefined ? {} : { next: page.next }) };
    }
    if (req.cursor !== undefined) throw cursorNotAllowed();
    // One row past the limit tells a cut result (truncated) from an exact fit.
    const limit = split.head ?? (split.restIsProjection ? req.limit + 1 : MAX_QUERY_LIMIT);
    const params = new PgParams();
    const sql = `SELECT doc FROM ${base(params, split, req, window, spaces, limit)} AS b`;
    const events = (await client.query<{ doc: Doc }>(sql, params.values)).rows.map((r) => r.doc);
    return { ...limitRows(runRest(plan, split.rest, events, req), req.limit), aggregated: false, ...columns };
  }

  /** A page in event-time order (newest first) with a (ts, id, space) keyset cursor. */
  async #page(client: PoolClient, split: SplitPlan, req: Request, window: Window, spaces: number[]) {
    const cursor = req.cursor === undefined ? undefined : decodeCursor(req.cursor, 'desc');
    const params = new PgParams();
    const where = rangeWhere(params, split, req, window, spaces);
    if (cursor) {
      where.push(
        `(ts, id, space_id) < (${params.add(cursor.ts, 'bigint')}, ${params.add(cursor.id, 'text')}, ${params.add(cursor.space, 'int')})`,
      );
    }
    const sql = `SELECT space_id, ts, id, doc FROM events WHERE ${where.join(' AND ')}
      ORDER BY ts DESC, id DESC, space_id DESC LIMIT ${params.add(req.limit + 1, 'int')}`;
    const rows = (
      await client.query<{ space_id: number; ts: string; id: string; doc: Doc }>(sql, params.values)
    ).rows;
    const events = rows.slice(0, req.limit).map((r) => r.doc);
    const last = rows[req.limit - 1];
    if (rows.length <= req.limit || !last) return { events };
    return {
      events,
      next: encodeCursor({ order: 'desc', ts: Number(last.ts), id: last.id, space: last.space_id }),
    };
  }
}

/** Conditions on the workspace's spaces (partition pruning), the time range and the compiled search. */
function rangeWhere(
  params: PgParams,
  split: SplitPlan,
  req: Request,
  window: Window,
  spaces: number[],
): string[] {
  return [
    `space_id = ANY (${params.add(spaces, 'int[]')})`,
    `ts >= ${params.add(Math.floor(window.from), 'bigint')}`,
    `ts < ${params.add(Math.ceil(window.to), 'bigint')}`,
    compilePgExpr(split.search, params, req.now),
  ];
}

/** `(SELECT space_id, ts, id, doc …)`: filter, range, optional order + limit. */
function base(
  params: PgParams,
  split: SplitPlan,
  req: Request,
  window: Window,
  spaces: number[],
  limit?: number,
): string {
  const sql = `SELECT space_id, ts, id, doc FROM events WHERE ${rangeWhere(params, split, req, window, spaces).join(' AND ')}`;
  if (limit === undefined) return `(${sql})`;
  return `(${sql} ORDER BY ${orderBySql(split.sort, params)} LIMIT ${params.add(limit, 'int')})`;
}
