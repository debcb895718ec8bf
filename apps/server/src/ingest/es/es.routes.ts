import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isVigilError } from '@vigil/core';
import type { IngestBinding } from '@vigil/ingest';
import type { RecordInput } from '@vigil/parsers';
import type { IngestServices } from '../ingest-services.ts';
import { authenticateIngest } from '../http/ingest-credentials.ts';
import { readBody } from '../http/read-body.ts';
import { parseBulk, type BulkItem } from './es-bulk.ts';
import { esError, esRootInfo } from './es-info.ts';

const INGEST = { permission: 'ingest.write', auth: 'ingest-token' } as const;
const ACK = { acknowledged: true };

async function esBinding(
  request: FastifyRequest,
  reply: FastifyReply,
  services: IngestServices,
): Promise<IngestBinding | undefined> {
  const auth = await authenticateIngest(request, services.verifier, ['apikey', 'basic', 'bearer']);
  if (auth.ok) return auth.binding;
  reply.header('www-authenticate', 'ApiKey, Basic realm="vigil"');
  await reply
    .status(401)
    .send(
      esError(
        'security_exception',
        auth.problem === 'missing'
          ? 'missing authentication credentials for REST request (an ingest token as ApiKey or Basic password)'
          : 'unable to authenticate with the provided ingest token',
        401,
      ),
    );
  return undefined;
}

/**
 * A resent document with the same `_index`/`_id` gets the same `vigil.id`, so the store keeps one copy
 * (delivery is at-least-once; shippers resend after timeouts).
 */
function stableId(tokenId: string, item: BulkItem | undefined): string | undefined {
  if (item?.id === undefined) return undefined;
  const digest = createHash('sha256').update(`${tokenId}\u0000${item.index ?? ''}\u0000${item.id}`);
  return `es-${digest.digest('base64url').slice(0, 32)}`;
}

function itemResult(item: BulkItem, status: number, error?: { type: string; reason: string }) {
  const body: Record<string, unknown> = {
    _index: item.index ?? 'vigil',
    _id: item.id ?? null,
    status,
  };
  if (error) body['error'] = error;
  else
    Object.assign(body, {
      _version: 1,
      result: 'created',
      _shards: { total: 1, successful: 1, failed: 0 },
      _seq_no: 0,
      _primary_term: 1,
    });
  return { [item.action]: body };
}

/**
 * Enough of the Elasticsearch API for shippers' ES outputs (Filebeat/Winlogbeat, Fluent Bit, Vector,
 * Logstash): root info, `_bulk` with per-item results, and no-op answers to the set-up calls they
 * make (index, template and ILM creation, license and cluster health). Items of a bulk request are
 * independent, as in Elasticsearch: refused items carry their own status and only they are retried.
 */
export function registerEsRoutes(app: FastifyInstance, services: IngestServices, limit: number): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-elastic-product', 'Elasticsearch');
    return payload;
  });
  app.setErrorHandler((error: Error, request, reply) => {
    const status = isVigilError(error)
      ? error.kind === 'user'
        ? (error.status ?? 400)
        : error.kind === 'operational'
          ? 503
          : 500
      : ((error as { statusCode?: number }).statusCode ?? 500);
    if (isVigilError(error) && error.retryAfterSeconds !== undefined)
      reply.header('retry-after', String(error.retryAfterSeconds));
    request.log[status >= 500 ? 'warn' : 'info']({ err: error, status }, 'Elasticsearch API request failed');
    const reason =
      status >= 500 && !(isVigilError(error) && error.kind === 'operational')
        ? 'internal error'
        : error.message;
    return reply
      .status(status)
      .send(esError(status === 429 ? 'es_rejected_execution_exception' : 'vigil_exception', reason, status));
  });

  const authed =
    (handler: (request: FastifyRequest, reply: FastifyReply, binding: IngestBinding) => unknown) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const binding = await esBinding(request, reply, services);
      if (!binding) return reply;
      return await handler(request, reply, binding);
    };

  for (const url of ['/es', '/es/']) {
    app.get(
      url,
      { config: { ...INGEST, summary: 'Elasticsearch-compatible root info (ingest token)' } },
      authed(() => esRootInfo()),
    );
  }
  app.get(
    '/es/_license',
    { config: { ...INGEST, summary: 'Elasticsearch-compatible license (ingest token)' } },
    authed(() => ({ license: { status: 'active', type: 'basic', uid: 'vigil' } })),
  );
  app.get(
    '/es/_cluster/health',
    { config: { ...INGEST, summary: 'Elasticsearch-compatible cluster health (ingest token)' } },
    authed(async () => ({
      cluster_name: 'vigil',
      status: (await services.pipeline.busy()) ? 'yellow' : 'green',
    })),
  );
  for (const url of [
    '/es/_index_template/:name',
    '/es/_template/:name',
    '/es/_component_template/:name',
    '/es/_ilm/policy/:name',
  ]) {
    app.route({
      method: ['PUT', 'POST'],
      url,
      config: {
        ...INGEST,
        summary: 'Elasticsearch-compatible set-up call, accepted as a no-op (ingest token)',
      },
      handler: authed(() => ACK),
    });
    app.get(
      url,
      {
        config: {
          ...INGEST,
          summary: 'Elasticsearch-compatible set-up lookup: reported present (ingest token)',
        },
      },
      authed(() => ({})),
    );
  }
  app.put<{ Params: { index: string } }>(
    '/es/:index',
    { config: { ...INGEST, summary: 'Elasticsearch-compatible index creation, a no-op (ingest token)' } },
    authed((request) => ({
      ...ACK,
      shards_acknowledged: true,
      index: (request.params as { index: string }).index,
    })),
  );

  const bulk = authed(async (request, reply, binding) => {
    const started = performance.now();
    const body = await readBody(request, limit);
    const index = (request.params as { index?: string }).index;
    const parsed = parseBulk(body.text, index);
    if (parsed.error) {
      return reply
        .status(400)
        .send(esError('x_content_parse_exception', `line ${parsed.error.line}: ${parsed.error.reason}`, 400));
    }
    const docs = parsed.items.filter((item) => item.doc !== undefined && item.action !== 'update');
    const records: RecordInput[] = docs.map((item) => item.doc as RecordInput);
    const statusOf = new Map<BulkItem, number>();
    let refused: { status: number; type: string; reason: string } | undefined;
    if (records.length > 0) {
      try {
        await services.pipeline.ingest({
          source: {
            workspace: binding.workspace,
            dataSpace: binding.dataSpace,
            source: `es:${binding.name}`,
          },
          bytes: body.bytes,
          records,
          durable: true,
          idOf: (i) => stableId(binding.tokenId, docs[i]),
          decorate: (event, i) => {
            const item = docs[i];
            if (item?.index !== undefined) {
              const labels = event['labels'];
              event['labels'] = { ...(typeof labels === 'object' ? labels : {}), es_index: item.index };
            }
          },
        });
      } catch (err) {
        const accepted = isVigilError(err) ? Number(err.details?.['accepted'] ?? 0) : 0;
        const busy = isVigilError(err) && (err.status === 429 || err.kind === 'operational');
        refused = busy
          ? {
              status: 429,
              type: 'es_rejected_execution_exception',
              reason: 'ingest queue is full, retry later',
            }
          : { status: 500, type: 'vigil_exception', reason: 'internal error' };
        docs.slice(accepted).forEach((item) => statusOf.set(item, refused?.status ?? 500));
        if (!busy) request.log.error({ err }, 'bulk ingest failed');
      }
    }
    let errors = false;
    const items = parsed.items.map((item) => {
      if (item.action === 'delete' || item.action === 'update') {
        errors = true;
        return itemResult(item, 400, {
          type: 'illegal_argument_exception',
          reason: `vigil stores events append-only: "${item.action}" is not supported, use index or create`,
        });
      }
      const status = statusOf.get(item);
      if (status !== undefined && refused) {
        errors = true;
        return itemResult(item, status, { type: refused.type, reason: refused.reason });
      }
      return itemResult(item, 201);
    });
    return { took: Math.round(performance.now() - started), errors, items };
  });
  for (const url of ['/es/_bulk', '/es/:index/_bulk']) {
    app.route({
      method: ['POST', 'PUT'],
      url,
      config: { ...INGEST, summary: 'Elasticsearch-compatible bulk indexing (ingest token)' },
      handler: bulk,
    });
  }
}
