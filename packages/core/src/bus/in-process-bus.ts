import { userError } from '../errors/vigil-error.ts';
import { silentLogger, type Logger } from '../logging/logger.port.ts';
import { randomIds, type IdGenerator } from '../time/id-generator.port.ts';
import type {
  BusTopicStats,
  Delivery,
  MeteredBus,
  Pressure,
  PublishOptions,
  SubscribeOptions,
  Subscription,
} from './bus.port.ts';
import { assertConsumer, assertTopic, busClosedError } from './bus.error.ts';
import { rememberEventJson } from '../events/event-json.ts';
import { serializeBatchItems } from './serialize-batch.ts';
import { InProcessSubscriber, InProcessTopic } from './in-process-topic.ts';
import { resolveSubscribeOptions } from './subscribe-options.ts';

export interface InProcessBusOptions {
  /** Messages (batches) retained per topic before publish rejects with BUS_BACKPRESSURE (default 1024). */
  capacity?: number;
  logger?: Logger;
  /** Message ids (default: random time-ordered ids). */
  ids?: IdGenerator;
}

/**
 * The embedded-mode bus: per topic a bounded queue in memory, per consumer name a durable cursor.
 * Same delivery semantics as the JetStream adapter (at-least-once, ack after the handler resolves,
 * redelivery after a rejection or abort, dead-letter after maxDeliver), minus surviving a restart:
 * the process that holds the queue is the one that would crash. Liveness of a handler is known
 * in-process, so `ackWaitMs` only caps the retry delay here.
 */
export function createInProcessBus(options: InProcessBusOptions = {}): MeteredBus {
  const capacity = options.capacity ?? 1024;
  if (!Number.isSafeInteger(capacity) || capacity < 1) {
    throw userError('BUS_INVALID_OPTIONS', 'bus capacity must be a positive integer', {
      details: { capacity },
    });
  }
  const logger = (options.logger ?? silentLogger).child({ component: 'in-process-bus' });
  const ids = options.ids ?? randomIds;
  const topics = new Map<string, InProcessTopic>();
  const subscribers = new Set<{
    group: ReturnType<InProcessTopic['group']>;
    subscriber: InProcessSubscriber;
  }>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let closed = false;

  const later = (ms: number, fn: () => void): void => {
    if (closed) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed) fn();
    }, ms);
    timers.add(timer);
  };

  const topicOf = (name: string): InProcessTopic => {
    let topic = topics.get(name);
    if (topic === undefined) {
      topic = new InProcessTopic(name, capacity, logger, later);
      topics.set(name, topic);
    }
    return topic;
  };

  return {
    publish<T>(topic: string, batch: readonly T[], publishOptions?: PublishOptions): Promise<void> {
      return settle(() => {
        assertTopic(topic);
        // Each item's text is remembered so the event store can write it instead of serialising again.
        const items = serializeBatchItems(batch);
        let delivered: unknown[];
        if (publishOptions?.handOver === true) {
          // The publisher gave the objects up: no copy needed to protect them from its later changes.
          delivered = [...batch];
        } else {
          // A JSON snapshot, as on the network: the caller may reuse its objects once publish resolved,
          // and handlers see exactly what the JetStream adapter would hand them.
          delivered = JSON.parse(`[${items.join(',')}]`) as unknown[];
        }
        for (let i = 0; i < delivered.length; i++) rememberEventJson(delivered[i], items[i]!);
        if (closed) throw busClosedError();
        topicOf(topic).publish(ids.next(), delivered);
      });
    },

    subscribe<T>(
      topic: string,
      consumer: string,
      handler: (delivery: Delivery<T>) => Promise<void>,
      subscribeOptions?: SubscribeOptions,
    ): Promise<Subscription> {
      return settle(() => {
        assertTopic(topic);
        assertConsumer(consumer);
        if (closed) throw busClosedError();
        const resolved = resolveSubscribeOptions(subscribeOptions);
        const subscriber = new InProcessSubscriber(
          handler as (d: Delivery<unknown>) => Promise<void>,
          resolved,
        );
        const group = topicOf(topic).group(consumer);
        const entry = { group, subscriber };
        subscribers.add(entry);
        group.add(subscriber);
        return {
          stop: async () => {
            await group.stop(subscriber);
            subscribers.delete(entry);
          },
          abort: () => {
            group.abort(subscriber);
            subscribers.delete(entry);
            return Promise.resolve();
          },
        };
      });
    },

    pressure(topic: string): Promise<Pressure> {
      return settle(() => {
        assertTopic(topic);
        const pending = topics.get(topic)?.pending ?? 0;
        return { pending, capacity, full: pending >= capacity };
      });
    },

    ping(): Promise<void> {
      return closed ? Promise.reject(busClosedError()) : Promise.resolve();
    },

    async close(): Promise<void> {
      if (closed) return;
      // Stop consumers first so in-flight handlers can still ack; then drop pending retries.
      await Promise.all([...subscribers].map(({ group, subscriber }) => group.stop(subscriber)));
      subscribers.clear();
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },

    stats(): BusTopicStats[] {
      return [...topics.values()].map((topic) => ({ ...topic.counters }));
    },
  };
}

/** Runs synchronous work as a promise: a throw becomes a rejection, as callers of an async port expect. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve) => resolve(work()));
}
