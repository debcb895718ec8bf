import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { userError } from '@vigil/core';
import type { HttpMetrics } from './http-metrics.ts';
import { renderPrometheus, type MetricFamily } from './prometheus-text.ts';
import { runtimeMetricFamilies, type RuntimeMetricsSources } from './runtime-metrics.ts';

function isLoopback(address: string | undefined): boolean {
  return (
    address === '127.0.0.1' ||
    address === '::1' ||
    address === '::ffff:127.0.0.1' ||
    (address?.startsWith('127.') ?? false)
  );
}

function bearerMatches(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * `GET /metrics` in Prometheus text. Readable from loopback (a local scraper or an operator on the
 * host) or with the configured metrics token; anyone else is refused.
 */
export function registerMetricsRoute(
  app: FastifyInstance,
  deps: RuntimeMetricsSources & {
    http: HttpMetrics;
    metricsToken: string | undefined;
    /** Feature modules' families (ingest per-source counters…), gathered at scrape time. */
    collectors?: readonly (() => MetricFamily[])[];
  },
): void {
  app.get(
    '/metrics',
    {
      config: {
        permission: 'system.metrics',
        auth: 'metrics-token',
        summary: 'Prometheus metrics (loopback or metrics token)',
        produces: 'text/plain',
      },
    },
    async (request, reply) => {
      // The socket address, not X-Forwarded-For: a header is not proof of being local.
      if (
        !isLoopback(request.socket.remoteAddress) &&
        !(deps.metricsToken && bearerMatches(request, deps.metricsToken))
      ) {
        throw deps.metricsToken
          ? userError('UNAUTHENTICATED', 'a valid metrics token is required', { status: 401 })
          : userError(
              'FORBIDDEN',
              'metrics are served to loopback clients only; configure server.metricsToken',
              { status: 403 },
            );
      }
      const families = [
        ...(await runtimeMetricFamilies(deps)),
        ...deps.http.families(),
        ...(deps.collectors ?? []).flatMap((collect) => collect()),
      ];
      return reply.type('text/plain; version=0.0.4; charset=utf-8').send(renderPrometheus(families));
    },
  );
}
