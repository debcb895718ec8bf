import type { FastifyInstance } from 'fastify';
import { userError } from '@vigil/core';
import type { IngestServices } from '../ingest-services.ts';
import { readBody } from '../http/read-body.ts';
import { requireIngestBinding } from '../http/require-ingest-binding.ts';
import { deliveryIdsOf } from '../http/delivery-id.ts';
import { applyOtlpMeta, flattenOtlpLogs } from './otlp-logs.ts';

/**
 * OTLP/HTTP logs, JSON encoding (`POST /v1/logs`, `Authorization: Bearer <ingest token>`): what
 * OpenTelemetry collectors send with `otlphttp` and `encoding: json`. Protobuf is refused with 415.
 * `X-Vigil-Delivery-Id` (unique per request) makes a resent request store its records once.
 */
export function registerOtlpRoutes(app: FastifyInstance, services: IngestServices, limit: number): void {
  app.post(
    '/v1/logs',
    {
      config: {
        permission: 'ingest.write',
        auth: 'ingest-token',
        summary: 'OTLP/HTTP JSON logs (ingest token)',
      },
    },
    async (request) => {
      const binding = await requireIngestBinding(request, services.verifier, ['bearer']);
      const type = String(request.headers['content-type'] ?? '').toLowerCase();
      if (type.includes('protobuf')) {
        throw userError(
          'UNSUPPORTED_MEDIA_TYPE',
          'OTLP protobuf is not supported: configure the exporter with encoding: json',
          {
            status: 415,
            details: { field: 'headers.content-type' },
          },
        );
      }
      const body = await readBody(request, limit);
      let doc: unknown;
      try {
        doc = JSON.parse(body.text);
      } catch (err) {
        throw userError('INVALID_JSON', `body: not JSON: ${(err as Error).message}`, {
          details: { field: 'body' },
        });
      }
      const records = flattenOtlpLogs(doc);
      if (typeof records === 'string')
        throw userError('INVALID_OTLP', `body: ${records}`, { details: { field: 'body.resourceLogs' } });
      if (records.length === 0) return { partialSuccess: {} };
      const receivedAt = Date.now();
      const receivedIso = new Date(receivedAt).toISOString();
      const idOf = deliveryIdsOf(request, binding.tokenId);
      await services.pipeline.ingest({
        source: {
          workspace: binding.workspace,
          dataSpace: binding.dataSpace,
          source: `otlp:${binding.name}`,
        },
        bytes: body.bytes,
        records: records.map((r) => r.record),
        receivedAt,
        durable: true,
        decorate: (event, i) => applyOtlpMeta(event, records[i], receivedIso),
        ...(idOf === undefined ? {} : { idOf }),
      });
      return { partialSuccess: {} };
    },
  );
}
