import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { Alert } from '@vigil/cases';
import type { CasesRuntime } from './cases-runtime.ts';
import { StreamQuery, WorkspaceParams } from './alerts.schema.ts';

/** Keeps proxies from closing an idle stream. */
export const STREAM_HEARTBEAT_MS = 15_000;

function summary(a: Alert) {
  return {
    id: a.id,
    title: a.title,
    severity: a.severity,
    status: a.status,
    rule: a.rule,
    createdAt: a.createdAt,
    firstSeenAt: a.firstSeenAt,
    entityKeys: a.entityKeys.slice(0, 20),
    ...(a.incidentId === undefined ? {} : { incidentId: a.incidentId }),
  };
}

/**
 * `GET …/alerts/stream`: Server-Sent Events of new alerts at or above `?minSeverity=` (default low), for
 * the console's notification centre. Each event is `event: alert` with a JSON summary; a comment line
 * every 15 s keeps the connection alive.
 */
export function registerAlertStreamRoute(app: FastifyInstance, cases: CasesRuntime): void {
  // Open streams end when the server closes, so a graceful shutdown does not wait on them.
  const open = new Set<() => void>();
  app.addHook('preClose', (done) => {
    for (const close of [...open]) close();
    done();
  });
  app.get<{ Params: Static<typeof WorkspaceParams>; Querystring: Static<typeof StreamQuery> }>(
    '/api/v1/workspaces/:workspaceId/alerts/stream',
    {
      config: {
        permission: 'alerts.read',
        summary: 'Live new alerts over a minimum severity (Server-Sent Events)',
        produces: 'text/event-stream',
      },
      schema: { params: WorkspaceParams, querystring: StreamQuery },
    },
    (request, reply) => {
      const raw = reply.raw;
      reply.hijack();
      // Hijacked replies skip Fastify's header handling: carry over what hooks set (security headers, request id).
      raw.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string | string[]>),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      raw.write(`retry: 5000\n: connected\n\n`);
      const unsubscribe = cases.notifier.listen(
        request.params.workspaceId,
        request.query.minSeverity ?? 'low',
        (alert) => {
          raw.write(`id: ${alert.id}\nevent: alert\ndata: ${JSON.stringify(summary(alert))}\n\n`);
        },
      );
      const heartbeat = setInterval(() => raw.write(': ping\n\n'), STREAM_HEARTBEAT_MS);
      heartbeat.unref();
      const end = (): void => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(close);
      };
      const close = (): void => {
        end();
        raw.end();
      };
      open.add(close);
      raw.on('close', end);
    },
  );
}
