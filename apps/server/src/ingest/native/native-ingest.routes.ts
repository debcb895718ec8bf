import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { userError } from '@vigil/core';
import type { FormatName } from '@vigil/parsers';
import type { IngestServices } from '../ingest-services.ts';
import { readBody } from '../http/read-body.ts';
import { requireIngestBinding } from '../http/require-ingest-binding.ts';
import { deliveryIdsOf } from '../http/delivery-id.ts';

export const FORMATS: readonly FormatName[] = [
  'auto',
  'json',
  'windows',
  'syslog',
  'cef',
  'leef',
  'kv',
  'linux-auth',
  'auditd',
  'web-access',
  'cloudtrail',
  'cts',
  'text',
];

const Params = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 256 }) });
const Query = Type.Object(
  {
    format: Type.Optional(Type.Union(FORMATS.map((f) => Type.Literal(f)))),
    data_space: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  },
  { additionalProperties: false },
);
const Reply = Type.Object({
  accepted: Type.Integer(),
  failed: Type.Integer(),
  errors: Type.Array(Type.Object({ index: Type.Integer(), error: Type.String() })),
});

/**
 * `POST /api/v1/workspaces/:workspaceId/ingest`: NDJSON, a JSON array, concatenated JSON documents,
 * or text lines (any format the parsers know; `?format=` forces one). Answers once every event is
 * durable. A record that fails to parse is stored with `vigil.parse_error` and listed in `errors`.
 * With `X-Vigil-Delivery-Id` (or `Idempotency-Key`) a re-sent batch is stored once (see delivery-id.ts).
 */
export function registerNativeIngestRoutes(
  app: FastifyInstance,
  services: IngestServices,
  limit: number,
): void {
  app.post<{ Params: Static<typeof Params>; Querystring: Static<typeof Query> }>(
    '/api/v1/workspaces/:workspaceId/ingest',
    {
      config: {
        permission: 'ingest.write',
        auth: 'ingest-token',
        summary: 'Send events: NDJSON, JSON array or text lines (ingest token)',
      },
      schema: { params: Params, querystring: Query, response: { 200: Reply } },
    },
    async (request) => {
      const binding = await requireIngestBinding(
        request,
        services.verifier,
        ['bearer'],
        request.params.workspaceId,
      );
      const dataSpace = request.query.data_space;
      if (dataSpace !== undefined && dataSpace !== binding.dataSpace) {
        throw userError('FORBIDDEN', `this ingest token sends to data space "${binding.dataSpace}"`, {
          status: 403,
          details: { field: 'query.data_space' },
        });
      }
      const body = await readBody(request, limit);
      if (body.text.trim() === '') {
        throw userError('NO_EVENTS', 'the body holds no events (send NDJSON, a JSON array or text lines)', {
          details: { field: 'body' },
        });
      }
      const format = request.query.format;
      const idOf = deliveryIdsOf(request, binding.tokenId);
      return services.pipeline.ingest({
        source: {
          workspace: binding.workspace,
          dataSpace: binding.dataSpace,
          source: `http:${binding.name}`,
        },
        bytes: body.bytes,
        text: body.text,
        durable: true,
        ...(format === undefined ? {} : { format }),
        ...(idOf === undefined ? {} : { idOf }),
      });
    },
  );
}
