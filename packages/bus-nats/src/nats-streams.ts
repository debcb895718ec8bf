import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { Logger, ResolvedSubscribeOptions } from '@vigil/core';
import { natsStreamName, natsSubject } from './nats-stream-name.ts';

const STREAM_NOT_FOUND = 10059;
const CONSUMER_NOT_FOUND = 10014;
const DUPLICATE_WINDOW_MS = 120_000;

export function isNotFound(err: unknown): boolean {
  return (
    err instanceof JetStreamApiError && (err.code === STREAM_NOT_FOUND || err.code === CONSUMER_NOT_FOUND)
  );
}

/**
 * Stream and consumer management. Retention is Limits with `discard: new` and `max_msgs` = capacity,
 * and this adapter purges what every durable consumer has acked (see trim()). Why not the others:
 * WorkQueue forbids a second consumer on the same subjects, so two consumer names could not each get
 * every message; Interest deletes a message published while no consumer exists yet, i.e. it would
 * silently lose events published before the first worker ever started.
 */
export class NatsStreams {
  readonly #jsm: JetStreamManager;
  readonly #prefix: string;
  readonly #capacity: number;
  readonly #logger: Logger;
  readonly #consumerMaxAckPending: number | undefined;
  readonly #ready = new Map<string, Promise<string>>();
  readonly #trims = new Map<string, Promise<void>>();

  constructor(
    jsm: JetStreamManager,
    prefix: string,
    capacity: number,
    logger: Logger,
    consumerMaxAckPending?: number,
  ) {
    this.#consumerMaxAckPending = consumerMaxAckPending;
    this.#jsm = jsm;
    this.#prefix = prefix;
    this.#capacity = capacity;
    this.#logger = logger;
  }

  /** Creates (or brings to the configured capacity) the stream of a topic once per process; returns its name. */
  ensureStream(topic: string): Promise<string> {
    let ready = this.#ready.get(topic);
    if (ready === undefined) {
      ready = this.#createOrUpdate(topic);
      this.#ready.set(topic, ready);
      // A failure (server down) must not stick: the next call tries again.
      ready.catch(() => this.#ready.delete(topic));
    }
    return ready;
  }

  /** Forgets that a topic's stream exists, so the next ensureStream() checks the server again. */
  forget(topic: string): void {
    this.#ready.delete(topic);
  }

  async #createOrUpdate(topic: string): Promise<string> {
    const name = natsStreamName(this.#prefix, topic);
    const config: Partial<StreamConfig> & { name: string } = {
      name,
      subjects: [natsSubject(this.#prefix, topic)],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      discard: DiscardPolicy.New,
      max_msgs: this.#capacity,
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    };
    try {
      const info = await this.#jsm.streams.info(name);
      if (info.config.max_msgs !== this.#capacity) {
        await this.#jsm.streams.update(name, { ...info.config, max_msgs: this.#capacity });
      }
    } catch (err) {
      if (!isNotFound(err)) throw err;
      try {
        await this.#jsm.streams.add(config);
      } catch (addErr) {
        // Another process created it between our info and add: fine if it now exists.
        await this.#jsm.streams.info(name).catch(() => Promise.reject(addErr as Error));
      }
    }
    return name;
  }

  /** Creates the durable pull consumer, or updates its limits to this subscriber's options. */
  async ensureConsumer(stream: string, consumer: string, options: ResolvedSubscribeOptions): Promise<void> {
    const limits = {
      ack_wait: nanos(options.ackWaitMs),
      // One more than the client's limit: the client terms (dead-letters) the message on that extra
      // delivery. Letting the server stop at maxDeliver would leave the message unacked for ever,
      // pinning the ack floor (no more purging) and a max_ack_pending slot.
      max_deliver: options.maxDeliver + 1,
      // Server-side bound, per consumer name: subscribers sharing a name (in several workers) share
      // it, so scaled-out deployments raise it with consumerMaxAckPending; each subscriber is bounded
      // by its own maxInFlight on the client side anyway.
      max_ack_pending: this.#consumerMaxAckPending ?? options.maxInFlight,
    };
    try {
      const info = await this.#jsm.consumers.info(stream, consumer);
      const current = info.config;
      if (
        current.ack_wait !== limits.ack_wait ||
        current.max_deliver !== limits.max_deliver ||
        current.max_ack_pending !== limits.max_ack_pending
      ) {
        await this.#jsm.consumers.update(stream, consumer, limits);
      }
    } catch (err) {
      if (!isNotFound(err)) throw err;
      const config: Partial<ConsumerConfig> = {
        durable_name: consumer,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ...limits,
      };
      await this.#jsm.consumers.add(stream, config);
    }
  }

  /**
   * Purges the messages every durable consumer of the stream has acked (below the lowest ack floor),
   * which frees capacity. With no consumer at all nothing is purged: messages wait for the first one.
   * Calls for the same stream are coalesced.
   */
  trim(stream: string): Promise<void> {
    let running = this.#trims.get(stream);
    if (running === undefined) {
      running = this.#trim(stream).finally(() => this.#trims.delete(stream));
      this.#trims.set(stream, running);
    }
    return running;
  }

  async #trim(stream: string): Promise<void> {
    const consumers = await this.#jsm.consumers.list(stream).next();
    if (consumers.length === 0) return;
    const floor = Math.min(...consumers.map((c) => c.ack_floor.stream_seq));
    const state = (await this.#jsm.streams.info(stream)).state;
    if (floor >= state.first_seq && state.messages > 0) {
      await this.#jsm.streams.purge(stream, { seq: floor + 1 });
      this.#logger.debug({ stream, floor }, 'purged acked messages');
    }
  }

  /** Messages retained (published and not yet acked by every consumer), or undefined with no stream. */
  async retained(topic: string): Promise<number | undefined> {
    const stream = natsStreamName(this.#prefix, topic);
    try {
      await this.trim(stream);
      return (await this.#jsm.streams.info(stream)).state.messages;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /** Waits for purges in progress (before closing the connection). */
  async settle(): Promise<void> {
    await Promise.allSettled(this.#trims.values());
  }
}
