import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isVigilError } from '@vigil/core';
import type { IngestBinding } from '@vigil/ingest';
import type { IngestServices } from '../ingest-services.ts';
import { authenticateIngest } from '../http/ingest-credentials.ts';
import { readBody } from '../http/read-body.ts';
import { deliveryIdsOf } from '../http/delivery-id.ts';
import { HEC, hecBody, type HecAnswer } from './hec-reply.ts';
import { applyHecMeta, formatOfSourcetype, metaOf, parseHecEvents, type HecMeta } from './hec-events.ts';

const INGEST = { permission: 'ingest.write', auth: 'ingest-token' } as const;

function send(reply: FastifyReply, answer: HecAnswer, extra: Record<string, unknown> = {}) {
  return reply.status(answer.status).send(hecBody(answer, extra));
}

/** The HEC answer for a thrown error (busy → 9 with Retry-After, bad body → 6, else 8). */
function answerFor(error: unknown, reply: FastifyReply): HecAnswer {
  if (isVigilError(error)) {
    if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
    if (error.code === 'BUS_BACKPRESSURE' || error.status === 429 || error.kind === 'operational')
      return HEC.busy;
    if (error.kind === 'user') return error.status === 413 ? HEC.tooLarge : HEC.invalidDataFormat;
  }
  const status = (error as { statusCode?: number }).statusCode;
  if (status === 413) return HEC.tooLarge;
  if (status !== undefined && status < 500) return HEC.invalidDataFormat;
  return HEC.internalError;
}

async function hecBinding(
  request: FastifyRequest,
  reply: FastifyReply,
  services: IngestServices,
): Promise<IngestBinding | undefined> {
  const auth = await authenticateIngest(request, services.verifier, ['splunk', 'bearer', 'basic']);
  if (auth.ok) return auth.binding;
  const answer =
    auth.problem === 'missing'
      ? HEC.tokenRequired
      : auth.problem === 'malformed'
        ? HEC.invalidAuthorization
        : HEC.invalidToken;
  reply.header('www-authenticate', 'Splunk');
  await send(reply, answer);
  return undefined;
}

function channelOf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-splunk-request-channel'];
  const query = (request.query as Record<string, unknown>)['channel'];
  const value = typeof header === 'string' ? header : typeof query === 'string' ? query : undefined;
  return value === '' ? undefined : value;
}

/**
 * Splunk HTTP Event Collector at its standard paths: `/services/collector/event` (envelopes,
 * concatenated), `/services/collector/raw` (lines), `/services/collector/health`, and
 * `/services/collector/ack` (indexer acknowledgement: ids are acknowledged when issued, since
 * Vigil answers only once events are durable). Answers use HEC's `{"text","code"}` bodies.
 * HEC itself has no batch id a sender can re-send with, so `X-Vigil-Delivery-Id` works here too.
 */
export function registerHecRoutes(app: FastifyInstance, services: IngestServices, limit: number): void {
  app.setErrorHandler((error, request, reply) => {
    const answer = answerFor(error, reply);
    request.log[answer.code === 8 ? 'error' : 'info'](
      { err: error, hecCode: answer.code },
      'HEC request failed',
    );
    return send(reply, answer);
  });

  const ingest = async (
    request: FastifyRequest,
    reply: FastifyReply,
    binding: IngestBinding,
    run: (source: { workspace: string; dataSpace: string; source: string }) => Promise<unknown>,
  ) => {
    await run({ workspace: binding.workspace, dataSpace: binding.dataSpace, source: `hec:${binding.name}` });
    const channel = channelOf(request);
    return channel === undefined
      ? send(reply, HEC.success)
      : send(reply, HEC.success, { ackId: services.hecAcks.issue(channel) });
  };

  const eventHandler = async (request: FastifyRequest, reply: FastifyReply) => {
    const binding = await hecBinding(request, reply, services);
    if (!binding) return reply;
    const body = await readBody(request, limit);
    if (body.text.trim() === '') return send(reply, HEC.noData);
    const batch = parseHecEvents(body.text);
    const meta = (i: number): HecMeta | undefined => batch.meta[i];
    const idOf = deliveryIdsOf(request, binding.tokenId);
    await services.pipeline.ingest({
      source: { workspace: binding.workspace, dataSpace: binding.dataSpace, source: `hec:${binding.name}` },
      bytes: body.bytes,
      records: batch.records,
      durable: true,
      formatOf: (i) => formatOfSourcetype(meta(i)?.sourcetype),
      decorate: (event, i) => applyHecMeta(event, meta(i)),
      ...(idOf === undefined ? {} : { idOf }),
    });
    // Every envelope was kept (broken ones with a parse error); still tell the sender, as Splunk does.
    if (batch.invalid) {
      return send(reply, batch.invalid.answer, { 'invalid-event-number': batch.invalid.number });
    }
    const channel = channelOf(request);
    return channel === undefined
      ? send(reply, HEC.success)
      : send(reply, HEC.success, { ackId: services.hecAcks.issue(channel) });
  };

  const rawHandler = async (request: FastifyRequest, reply: FastifyReply) => {
    const binding = await hecBinding(request, reply, services);
    if (!binding) return reply;
    const body = await readBody(request, limit);
    if (body.text.trim() === '') return send(reply, HEC.noData);
    const meta = metaOf(request.query as Record<string, unknown>, ['host', 'source', 'sourcetype', 'index']);
    const format = formatOfSourcetype(meta.sourcetype);
    const idOf = deliveryIdsOf(request, binding.tokenId);
    return ingest(request, reply, binding, (source) =>
      services.pipeline.ingest({
        source,
        bytes: body.bytes,
        text: body.text,
        durable: true,
        ...(idOf === undefined ? {} : { idOf }),
        ...(format ? { format } : {}),
        decorate: (event) => applyHecMeta(event, meta),
      }),
    );
  };

  for (const url of ['/services/collector/event', '/services/collector/event/1.0', '/services/collector']) {
    app.post(
      url,
      { config: { ...INGEST, summary: 'Splunk HEC: event envelopes (ingest token)' } },
      eventHandler,
    );
  }
  for (const url of ['/services/collector/raw', '/services/collector/raw/1.0']) {
    app.post(url, { config: { ...INGEST, summary: 'Splunk HEC: raw lines (ingest token)' } }, rawHandler);
  }
  for (const url of ['/services/collector/health', '/services/collector/health/1.0']) {
    app.get(
      url,
      { config: { permission: 'public', summary: 'Splunk HEC health' } },
      async (_request, reply) => send(reply, (await services.pipeline.busy()) ? HEC.unhealthy : HEC.healthy),
    );
  }
  app.post(
    '/services/collector/ack',
    { config: { ...INGEST, summary: 'Splunk HEC: indexer acknowledgement status (ingest token)' } },
    async (request, reply) => {
      const binding = await hecBinding(request, reply, services);
      if (!binding) return reply;
      const channel = channelOf(request);
      if (channel === undefined) return send(reply, HEC.channelMissing);
      const body = await readBody(request, limit);
      let acks: unknown;
      try {
        acks = (JSON.parse(body.text) as { acks?: unknown }).acks;
      } catch {
        acks = undefined;
      }
      if (!Array.isArray(acks)) return send(reply, HEC.invalidDataFormat);
      return reply.send({ acks: services.hecAcks.status(channel, acks.map(Number)) });
    },
  );
}
