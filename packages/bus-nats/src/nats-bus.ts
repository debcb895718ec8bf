import { jetstream, jetstreamManager, JetStreamApiError } from '@nats-io/jetstream';
import { connect, NoRespondersError, RequestError, type NatsConnection } from '@nats-io/transport-node';
import {
  assertConsumer,
  assertTopic,
  busBackpressureError,
  busClosedError,
  operationalError,
  randomIds,
  resolveSubscribeOptions,
  serializeBatch,
  silentLogger,
  userError,
  type BusTopicStats,
  type Delivery,
  type IdGenerator,
  type Logger,
  type MeteredBus,
  type Pressure,
  type SubscribeOptions,
  type Subscription,
} from '@vigil/core';
import { natsSubject, STREAM_PREFIX_PATTERN } from './nats-stream-name.ts';
import { NatsStreams } from './nats-streams.ts';
import { startNatsSubscription } from './nats-subscription.ts';
import { redactNatsUrl } from './redact-nats-url.ts';

export interface NatsBusOptions {
  /** Server URL(s), comma-separated; credentials in the URL are never logged. */
  url: string;
  /** Prefix of stream names and (lowercased) subjects (default `VIGIL`: streams `VIGIL_<topic>`, subjects `vigil.<topic>`). */
  streamPrefix?: string;
  /** Capacity of each topic's stream, in messages (batches); beyond it publish rejects with BUS_BACKPRESSURE (default 10 000). */
  maxPendingMessages?: number;
  /**
   * Server-side cap on unacked messages per consumer name, shared by every subscriber of that name in
   * every process (default: the subscriber's maxInFlight). Raise it when several workers share a name.
   */
  consumerMaxAckPending?: number;
  /** Connection timeout (default 5 000 ms). */
  connectTimeoutMs?: number;
  logger?: Logger;
  ids?: IdGenerator;
}

// JetStream answers "maximum messages exceeded" (10077) when a discard-new stream is full.
const STREAM_FULL = 10077;
const isStreamFull = (err: unknown) =>
  err instanceof JetStreamApiError && (err.code === STREAM_FULL || /maximum messages/i.test(err.message));

// Publishing to a subject no stream listens on: the server has no responder for the JetStream ack.
// The client wraps it (JetStreamNotEnabled ← RequestError ← NoRespondersError), so walk the causes.
function isNoStream(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof NoRespondersError || (e instanceof RequestError && e.isNoResponders())) return true;
  }
  return false;
}

/**
 * Connects the distributed-mode bus: one JetStream stream per topic (file storage), durable pull
 * consumers with explicit acks. Rejects with BUS_UNAVAILABLE when the server cannot be reached.
 */
export async function connectNatsBus(options: NatsBusOptions): Promise<MeteredBus> {
  const prefix = options.streamPrefix ?? 'VIGIL';
  if (!STREAM_PREFIX_PATTERN.test(prefix)) {
    throw userError('BUS_INVALID_OPTIONS', 'streamPrefix must be letters, digits and dashes', {
      details: { streamPrefix: prefix },
    });
  }
  const capacity = options.maxPendingMessages ?? 10_000;
  if (!Number.isSafeInteger(capacity) || capacity < 1) {
    throw userError('BUS_INVALID_OPTIONS', 'maxPendingMessages must be a positive integer', {
      details: { maxPendingMessages: capacity },
    });
  }
  const where = redactNatsUrl(options.url);
  const logger = (options.logger ?? silentLogger).child({ component: 'nats-bus', server: where });
  const ids = options.ids ?? randomIds;

  let nc: NatsConnection;
  try {
    nc = await connect({
      servers: options.url.split(',').map((s) => s.trim()),
      name: 'vigil',
      timeout: options.connectTimeoutMs ?? 5_000,
      maxReconnectAttempts: -1,
    });
  } catch (cause) {
    throw operationalError('BUS_UNAVAILABLE', `cannot connect to NATS at ${where}`, {
      cause,
      retryAfterSeconds: 5,
      details: { server: where },
    });
  }
  const js = jetstream(nc);
  const streams = new NatsStreams(
    await jetstreamManager(nc),
    prefix,
    capacity,
    logger,
    options.consumerMaxAckPending,
  );
  const counters = new Map<string, BusTopicStats>();
  const subscriptions = new Set<Subscription>();
  const trimTimers = new Map<string, ReturnType<typeof setTimeout>>();
  let closed = false;
  void watchStatus(nc, logger);

  const countersOf = (topic: string): BusTopicStats => {
    let c = counters.get(topic);
    if (c === undefined) {
      c = { topic, published: 0, rejected: 0, delivered: 0, redelivered: 0, acked: 0, deadLettered: 0 };
      counters.set(topic, c);
    }
    return c;
  };

  // Purging after every ack would double the API traffic: coalesce into one trim per topic per 100 ms.
  const scheduleTrim = (stream: string) => {
    if (closed || trimTimers.has(stream)) return;
    const timer = setTimeout(() => {
      trimTimers.delete(stream);
      streams
        .trim(stream)
        .catch((err: unknown) => logger.warn({ err, stream }, 'purging acked messages failed'));
    }, 100);
    trimTimers.set(stream, timer);
  };

  const unavailable = (cause: unknown) =>
    operationalError('BUS_UNAVAILABLE', `NATS at ${where} did not answer`, { cause, retryAfterSeconds: 5 });

  return {
    async publish<T>(topic: string, batch: readonly T[]): Promise<void> {
      assertTopic(topic);
      const json = serializeBatch(batch);
      if (closed) throw busClosedError();
      const id = ids.next();
      const data = new TextEncoder().encode(`{"id":${JSON.stringify(id)},"batch":${json}}`);
      const maxPayload = nc.info?.max_payload ?? Infinity;
      if (data.length > maxPayload) {
        throw userError(
          'BUS_MESSAGE_TOO_LARGE',
          'batch is larger than the NATS max payload: publish smaller batches',
          {
            status: 413,
            details: { topic, bytes: data.length, maxPayload },
          },
        );
      }
      const c = countersOf(topic);
      let stream: string;
      try {
        stream = await streams.ensureStream(topic);
      } catch (cause) {
        throw unavailable(cause);
      }
      const send = () => js.publish(natsSubject(prefix, topic), data, { msgID: id });
      try {
        await send().catch(async (err: unknown) => {
          if (!isNoStream(err)) throw err;
          // The stream was deleted behind our back (by an operator): create it again, retry once.
          streams.forget(topic);
          await streams.ensureStream(topic);
          return send();
        });
      } catch (err) {
        if (!isStreamFull(err)) throw unavailable(err);
        // Acks may have freed room that no consumer process purged yet (it crashed): purge, then retry once.
        try {
          await streams.trim(stream);
          await send();
        } catch (retryErr) {
          if (!isStreamFull(retryErr)) throw unavailable(retryErr);
          c.rejected += 1;
          throw busBackpressureError(topic, capacity, retryErr);
        }
      }
      c.published += 1;
    },

    async subscribe<T>(
      topic: string,
      consumer: string,
      handler: (delivery: Delivery<T>) => Promise<void>,
      subscribeOptions?: SubscribeOptions,
    ): Promise<Subscription> {
      assertTopic(topic);
      assertConsumer(consumer);
      if (closed) throw busClosedError();
      const resolved = resolveSubscribeOptions(subscribeOptions);
      let stream: string;
      try {
        stream = await streams.ensureStream(topic);
        await streams.ensureConsumer(stream, consumer, resolved);
      } catch (cause) {
        throw unavailable(cause);
      }
      const subscription = startNatsSubscription({
        topic,
        consumer: await js.consumers.get(stream, consumer),
        handler: handler as (d: Delivery<unknown>) => Promise<void>,
        options: resolved,
        counters: countersOf(topic),
        logger: logger.child({ topic, consumer }),
        onSettled: () => scheduleTrim(stream),
      });
      const tracked: Subscription = {
        stop: async () => {
          subscriptions.delete(tracked);
          await subscription.stop();
        },
        abort: async () => {
          subscriptions.delete(tracked);
          await subscription.abort();
        },
      };
      subscriptions.add(tracked);
      return tracked;
    },

    async pressure(topic: string): Promise<Pressure> {
      assertTopic(topic);
      let pending: number | undefined;
      try {
        pending = await streams.retained(topic);
      } catch (cause) {
        throw unavailable(cause);
      }
      return { pending: pending ?? 0, capacity, full: (pending ?? 0) >= capacity };
    },

    async ping(): Promise<void> {
      if (closed) throw busClosedError();
      try {
        await nc.flush();
      } catch (cause) {
        throw unavailable(cause);
      }
    },

    async close(): Promise<void> {
      if (closed) return;
      await Promise.all([...subscriptions].map((s) => s.stop()));
      closed = true;
      for (const timer of trimTimers.values()) clearTimeout(timer);
      trimTimers.clear();
      await streams.settle();
      if (!nc.isClosed()) await nc.drain().catch(() => nc.close());
    },

    stats(): BusTopicStats[] {
      return [...counters.values()].map((c) => ({ ...c }));
    },
  };
}

/** Logs connection changes, so an outage shows up in the logs and not only as failing publishes. */
async function watchStatus(nc: NatsConnection, logger: Logger): Promise<void> {
  for await (const status of nc.status()) {
    if (status.type === 'disconnect' || status.type === 'reconnect' || status.type === 'error') {
      logger.warn({ status: status.type }, 'NATS connection status changed');
    }
  }
}
