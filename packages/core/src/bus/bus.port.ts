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
   */
  publish<T>(topic: string, batch: readonly T[]): Promise<void>;
  /**
   * Starts a durable consumer. Messages are acked only after `handler` resolves; a rejection or a
   * consumer that stops/crashes without acking leads to redelivery (after `ackWaitMs`).
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
}

export interface Delivery<T> {
  topic: string;
  /** Unique per published message (stable across redeliveries). */
  id: string;
  batch: T[];
  /** 1 on first delivery. */
  attempt: number;
}

export interface SubscribeOptions {
  /** Max messages handed to the handler and not yet acked (default 4). */
  maxInFlight?: number;
  /** Redelivery delay for unacked messages (default 30 000 ms). */
  ackWaitMs?: number;
  /** After this many failed attempts the message is dead-lettered and counted (default 5). */
  maxDeliver?: number;
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
