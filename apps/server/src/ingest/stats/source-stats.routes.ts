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
const Refusal = Type.Object({
  listener: Type.String(),
  reason: Type.String(),
  count: Type.Integer(),
  bytes: Type.Integer(),
});
const SourceRefusal = Type.Object({
  source: Type.String(),
  listener: Type.String(),
  reason: Type.String(),
  count: Type.Integer(),
  bytes: Type.Integer(),
});

/**
 * `GET /api/v1/workspaces/:workspaceId/sources/stats`: the per-source counters of this process, and
 * the syslog refusals by listener and reason. Refused messages never reached a workspace (no valid
 * token or certificate names one), so the refusals are the server's, the same in every workspace:
 * they carry counts only, never a sender's address or content. `syslogRefusalsBySource` are the
 * refusals this workspace can own: messages carrying one of its revoked or expired ingest tokens, by
 * the source those messages had (they are also in the server-wide counts).
 */
export function registerSourceStatsRoute(app: FastifyInstance, services: IngestServices): void {
  app.get<{ Params: Static<typeof Params> }>(
    '/api/v1/workspaces/:workspaceId/sources/stats',
    {
      config: {
        permission: 'sources.read',
        summary: 'Per-source ingest counters (received, parsed, failed, dropped, lag)',
      },
      schema: {
        params: Params,
        response: {
          200: Type.Object({
            sources: Type.Array(Row),
            syslogRefusals: Type.Array(Refusal),
            syslogRefusalsBySource: Type.Array(SourceRefusal),
          }),
        },
      },
    },
    (request) => ({
      sources: services.stats
        .snapshot(request.params.workspaceId)
        .map(({ workspace: _w, lastReceivedAt, ...row }) => ({
          ...row,
          lastReceivedAt: lastReceivedAt === 0 ? null : new Date(lastReceivedAt).toISOString(),
        })),
      syslogRefusals: services.syslog
        .refusals()
        .sort((a, b) => a.listener.localeCompare(b.listener) || a.reason.localeCompare(b.reason)),
      syslogRefusalsBySource: services.syslog
        .attributedRefusals(request.params.workspaceId)
        .map(({ workspace: _w, ...row }) => row)
        .sort((a, b) => a.source.localeCompare(b.source) || a.reason.localeCompare(b.reason)),
    }),
  );
}
