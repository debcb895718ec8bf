/**
 * Message bus port. One message carries a batch of items (events travel in batches: a per-event
 * acked publish costs ~50 µs in the NATS client). Adapters: in-process bounded queue (embedded) and
 * NATS JetStream (distributed). Delivery is at-least-once: handlers must be idempotent.
 */
export interface Bus {
  /**
   * Publishes one batch to a topic (`[a-z0-9_-]+(\.[a-z0-9_-]+)*`). Resolves when the bus has accepted
   * it durably (JetStream ack / enqueued). Rejects with code BUS_BACKPRESSURE (operational, with
   * retryAfterSeconds) when the topic is at capacity: callers answer 429 or stop reading.
   * A message is retained until every consumer name known to the topic has acked it; published
   * before any consumer exists, it waits (bounded by capacity) for the first one.
   */
  publish<T>(topic: string, batch: readonly T[], options?: PublishOptions): Promise<void>;
  /**
   * Starts a durable consumer. Messages are acked only after `handler` resolves; a rejection or a
   * consumer that stops/crashes without acking leads to redelivery (after `ackWaitMs`).
   * Subscribers sharing a consumer name share its messages; each consumer name gets every message.
   * A new consumer name starts at the oldest message the topic still retains.
   */
  subscribe<T>(
    topic: string,
    consumer: string,
    handler: (delivery: Delivery<T>) => Promise<void>,
    options?: SubscribeOptions,
  ): Promise<Subscription>;
  /** Backpressure signal: how full a topic is. */
  pressure(topic: string): Promise<Pressure>;
  ping(): Promise<void>;
  /** Stops consumers (waiting for in-flight handlers) and disconnects. */
  close(): Promise<void>;
  /**
   * Counters of this process per topic, for /metrics. Optional so that test fakes need not implement
   * it; both real adapters do.
   */
  stats?(): BusTopicStats[];
}

/** A bus whose adapter exposes its counters (both real adapters). */
export interface MeteredBus extends Bus {
  stats(): BusTopicStats[];
}

/** What this process did on one topic since the bus was created (monotonic counters). */
export interface BusTopicStats {
  topic: string;
  /** Messages accepted by publish(). */
  published: number;
  /** Messages rejected by publish() with BUS_BACKPRESSURE. */
  rejected: number;
  /** Handler invocations (first deliveries and redeliveries). */
  delivered: number;
  /** Deliveries with attempt > 1. */
  redelivered: number;
  acked: number;
  /** Messages given up after maxDeliver failed attempts: counted and logged, never delivered again. */
  deadLettered: number;
}

export interface Delivery<T> {
  topic: string;
  /** Unique per published message (stable across redeliveries). */
  id: string;
  /** The published batch after a JSON round trip (Dates arrive as strings, undefined is dropped). */
  batch: T[];
  /** 1 on first delivery. */
  attempt: number;
}

export interface PublishOptions {
  /**
   * The caller hands the batch's objects over: it will not read or change them again. The in-process
   * bus then delivers those objects instead of a JSON copy (still checking that the batch would
   * serialise), so they should already be JSON-shaped (no Dates; an undefined field stays visible).
   * The JetStream adapter always sends JSON and ignores this.
   */
  handOver?: boolean;
}

export interface SubscribeOptions {
  /** Max messages handed to the handler and not yet acked (default 4). */
  maxInFlight?: number;
  /** Redelivery delay for unacked messages (default 30 000 ms). */
  ackWaitMs?: number;
  /** After this many failed attempts the message is dead-lettered and counted (default 5). */
  maxDeliver?: number;
  /**
   * Delay before redelivering a message whose handler rejected (default 1 000 ms); it grows linearly
   * with the attempt number and is capped at `ackWaitMs`.
   */
  retryDelayMs?: number;
}

export interface Subscription {
  /** Graceful stop: no new deliveries; waits for in-flight handlers to finish and ack. */
  stop(): Promise<void>;
  /** Crash simulation/abort: stops at once without acking in-flight work (it will be redelivered). */
  abort(): Promise<void>;
}

export interface Pressure {
  /** Messages published and not yet acked. */
  pending: number;
  capacity: number;
  full: boolean;
}

export const TOPIC_PATTERN = /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/;

/** Durable consumer names: one token, no dots (JetStream durable names cannot contain them). */
export const CONSUMER_PATTERN = /^[a-z0-9_-]+$/;
