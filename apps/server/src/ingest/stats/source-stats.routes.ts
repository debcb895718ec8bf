import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { IngestServices } from '../ingest-services.ts';

const Params = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 256 }) });
const Row = Type.Object({
  dataSpace: Type.String(),
  source: Type.String(),
  received: Type.Integer(),
  parsed: Type.Integer(),
  failed: Type.Integer(),
  dropped: Type.Integer(),
  rejected: Type.Integer(),
  accepted: Type.Integer(),
  bytes: Type.Integer(),
  lagMs: Type.Number(),
  lagMaxMs: Type.Number(),
  lastReceivedAt: Type.Union([Type.String(), Type.Null()]),
});

/** `GET /api/v1/workspaces/:workspaceId/sources/stats`: the per-source counters of this process. */
export function registerSourceStatsRoute(app: FastifyInstance, services: IngestServices): void {
  app.get<{ Params: Static<typeof Params> }>(
    '/api/v1/workspaces/:workspaceId/sources/stats',
    {
      config: {
        permission: 'sources.read',
        summary: 'Per-source ingest counters (received, parsed, failed, dropped, lag)',
      },
      schema: { params: Params, response: { 200: Type.Object({ sources: Type.Array(Row) }) } },
    },
    (request) => ({
      sources: services.stats
        .snapshot(request.params.workspaceId)
        .map(({ workspace: _w, lastReceivedAt, ...row }) => ({
          ...row,
          lastReceivedAt: lastReceivedAt === 0 ? null : new Date(lastReceivedAt).toISOString(),
        })),
    }),
  );
}
