import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { getField, systemClock } from '@vigil/core';
import type { Clock, Storage } from '@vigil/core';
import type { AuditTrail } from '@vigil/identity';
import { auditRequest } from '../audit/request-audit.ts';
import { columnsOf, csvLine } from './csv-writer.ts';
import { prepareSearch, searchOf } from './prepare-search.ts';
import { ExportBody, SearchBody, SearchReply, WorkspaceParams } from './search.schema.ts';
import { DEFAULT_SEARCH_LIMITS } from './search-limits.ts';
import type { SearchLimits } from './search-limits.ts';

export interface SearchRouteDeps {
  storage: Storage;
  clock?: Clock;
  limits?: Partial<SearchLimits>;
  /** Exports are audited (bulk data leaving the system). */
  audit?: AuditTrail;
}

type Row = Record<string, unknown>;

/** `POST …/events/search` and `POST …/events/export` (DESIGN §5). */
export function registerSearchRoutes(app: FastifyInstance, deps: SearchRouteDeps): void {
  const clock = deps.clock ?? systemClock;
  const limits = { ...DEFAULT_SEARCH_LIMITS, ...deps.limits };

  app.post<{ Params: Static<typeof WorkspaceParams>; Body: SearchBody }>(
    '/api/v1/workspaces/:workspaceId/events/search',
    {
      config: {
        permission: 'events.search',
        summary: 'Search events with the query language (time range, cursor paging)',
      },
      schema: { params: WorkspaceParams, body: SearchBody, response: { 200: SearchReply } },
    },
    async (request) => {
      const body = request.body;
      const prepared = prepareSearch(request.params.workspaceId, body, limits, clock.now());
      const result = await searchOf(deps.storage).search({
        ...prepared,
        limit: body.limit ?? 100,
        ...(body.cursor === undefined ? {} : { cursor: body.cursor }),
      });
      const limit = body.limit ?? 100;
      // A cut result says so, with the limit that cut it (raise `limit` or narrow the query).
      const truncated = result.truncated === true ? { truncated: true, limit } : {};
      if (result.aggregated) {
        return {
          events: [],
          stats: { rows: result.rows, columns: [...(result.columns ?? [])] },
          ...truncated,
        };
      }
      return {
        events: result.rows,
        ...truncated,
        ...(result.next === undefined ? {} : { next: result.next }),
        ...(result.columns === undefined ? {} : { columns: [...result.columns] }),
      };
    },
  );

  app.post<{ Params: Static<typeof WorkspaceParams>; Body: ExportBody }>(
    '/api/v1/workspaces/:workspaceId/events/export',
    {
      config: {
        permission: 'events.export',
        summary: 'Export search results as CSV or NDJSON, streamed',
        produces: 'text/csv, application/x-ndjson',
      },
      schema: { params: WorkspaceParams, body: ExportBody },
    },
    async (request, reply) => {
      const body = request.body;
      const prepared = prepareSearch(request.params.workspaceId, body, limits, clock.now());
      const max = Math.min(body.limit ?? limits.maxExportRows, limits.maxExportRows);
      const stream = searchOf(deps.storage).stream({ ...prepared, limit: Math.min(max, 10_000) });
      const batches = stream[Symbol.asyncIterator]();
      // The first batch is read before answering, so a bad query or range still gets an HTTP error.
      const first = await batches.next();
      const firstRows: readonly Row[] = first.done === true ? [] : first.value;
      const columns = prepared.plan.columns !== undefined ? [...prepared.plan.columns] : columnsOf(firstRows);
      const lines =
        body.format === 'csv'
          ? csvLines(columns, firstRows, batches, max)
          : ndjsonLines(firstRows, batches, max);
      if (deps.audit !== undefined) {
        const workspace = request.params.workspaceId;
        await auditRequest(deps.audit, request, {
          event_type: 'events.exported',
          result: 'success',
          resource: `events:${workspace}`,
          workspace,
          details: { format: body.format, query: body.query, from: body.from, to: body.to },
        });
      }
      const name = `events-${new Date(prepared.from).toISOString().slice(0, 10)}.${body.format}`;
      return reply
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .type(body.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
        .send(Readable.from(lines));
    },
  );
}

async function* rowsOf(
  first: readonly Row[],
  rest: AsyncIterator<readonly Row[]>,
  max: number,
): AsyncGenerator<Row> {
  let written = 0;
  let batch: readonly Row[] | undefined = first;
  while (batch !== undefined) {
    for (const row of batch) {
      if (written >= max) return;
      written++;
      yield row;
    }
    const next = await rest.next();
    batch = next.done === true ? undefined : next.value;
  }
}

async function* csvLines(
  columns: readonly string[],
  first: readonly Row[],
  rest: AsyncIterator<readonly Row[]>,
  max: number,
): AsyncGenerator<string> {
  yield csvLine(columns);
  for await (const row of rowsOf(first, rest, max)) yield csvLine(columns.map((c) => getField(row, c)));
}

async function* ndjsonLines(
  first: readonly Row[],
  rest: AsyncIterator<readonly Row[]>,
  max: number,
): AsyncGenerator<string> {
  for await (const row of rowsOf(first, rest, max)) yield `${JSON.stringify(row)}\n`;
}
