import type { Bus, Subscription } from '../bus/bus.port.ts';
import type { VigilEvent } from '../events/vigil-event.ts';
import type { Logger } from '../logging/logger.port.ts';
import type { EventStore } from '../storage/event-store.port.ts';

export interface EventWriterOptions {
  bus: Bus;
  events: EventStore;
  /** Topic carrying batches of events to store (default `events.store`). */
  topic?: string;
  /** Durable consumer name: every writer process shares it, so each batch is stored once. */
  consumer?: string;
  logger: Logger;
  /** Batches handed to the writer at once (bus default when absent). */
  maxInFlight?: number;
}

export interface EventWriterStats {
  /** Batches appended (and therefore acknowledged). */
  batches: number;
  /** Events appended. */
  events: number;
  /** Append failures; each leads to a redelivery by the bus. */
  failures: number;
}

export interface EventWriter {
  readonly topic: string;
  stats(): EventWriterStats;
  /** Stops taking batches and waits for in-flight appends to finish (and be acknowledged). */
  stop(): Promise<void>;
}

export const EVENTS_STORE_TOPIC = 'events.store';

/**
 * The pipeline stage that makes events durable: consumes batches of events from the bus and appends
 * them to the event store. The bus acknowledges a batch only after the handler resolves, i.e. after
 * the append committed; a failed append rejects, so the batch is redelivered instead of lost.
 */
export async function startEventWriter(options: EventWriterOptions): Promise<EventWriter> {
  const topic = options.topic ?? EVENTS_STORE_TOPIC;
  const consumer = options.consumer ?? 'event-writer';
  const logger = options.logger.child({ component: 'event-writer', topic });
  const stats: EventWriterStats = { batches: 0, events: 0, failures: 0 };
  const subscription: Subscription = await options.bus.subscribe<VigilEvent>(
    topic,
    consumer,
    async (delivery) => {
      try {
        const result = await options.events.append(delivery.batch);
        stats.batches += 1;
        stats.events += result.appended;
      } catch (err) {
        stats.failures += 1;
        logger.warn({ err, delivery: delivery.id, attempt: delivery.attempt }, 'event batch append failed');
        throw err;
      }
    },
    options.maxInFlight === undefined ? undefined : { maxInFlight: options.maxInFlight },
  );
  logger.info({ consumer }, 'event writer started');
  return {
    topic,
    stats: () => ({ ...stats }),
    stop: async () => {
      await subscription.stop();
      logger.info({ ...stats }, 'event writer stopped');
    },
  };
}
