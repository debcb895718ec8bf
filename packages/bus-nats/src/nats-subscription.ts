import type { Consumer, ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import {
  redeliveryDelayMs,
  type BusTopicStats,
  type Delivery,
  type Logger,
  type ResolvedSubscribeOptions,
  type Subscription,
} from '@vigil/core';

export interface NatsSubscriptionOptions {
  topic: string;
  consumer: Consumer;
  handler: (delivery: Delivery<unknown>) => Promise<void>;
  options: ResolvedSubscribeOptions;
  counters: BusTopicStats;
  logger: Logger;
  /** Called after each ack/term, so acked messages get purged from the stream. */
  onSettled: () => void;
}

/** How long one pull waits for messages before asking again (also bounds how fast stop() reacts). */
const PULL_EXPIRES_MS = 5_000;

/**
 * One subscribe() call on a durable pull consumer. Pulls only as many messages as there are free
 * in-flight slots, so nothing sits in a client buffer while its ack_wait runs, and one pull carries at
 * most maxInFlight × max_payload bytes (the client makes max_messages and max_bytes exclusive, and the
 * count is the bound that matters here); a handler that runs
 * long keeps its message with in-progress acks; the ack is sent (and confirmed) after the handler
 * resolved. abort() stops without acking anything: the server redelivers after ack_wait, as after a
 * crash.
 */
export function startNatsSubscription(o: NatsSubscriptionOptions): Subscription {
  let state: 'active' | 'stopping' | 'stopped' | 'aborted' = 'active';
  const inFlight = new Set<Promise<void>>();
  const heartbeats = new Set<ReturnType<typeof setInterval>>();
  let wake: (() => void) | undefined;
  let pull: ConsumerMessages | undefined;

  const roomOrStop = () =>
    new Promise<void>((resolve) => {
      if (state !== 'active' || inFlight.size < o.options.maxInFlight) resolve();
      else wake = resolve;
    });
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };

  const handle = (msg: JsMsg): void => {
    const attempt = msg.info.deliveryCount;
    if (attempt > o.options.maxDeliver) {
      // Every allowed attempt ended without an ack or nak (consumers crashed on it): give up on it.
      const dropped = settle(msg, attempt, new Error('delivery attempts exhausted by crashes'));
      inFlight.add(dropped);
      void dropped.finally(() => {
        inFlight.delete(dropped);
        signal();
      });
      return;
    }
    const heartbeat = setInterval(() => msg.working(), Math.max(100, Math.floor(o.options.ackWaitMs / 3)));
    heartbeats.add(heartbeat);
    const run = (async () => {
      let failure: unknown;
      try {
        const { id, batch } = msg.json<{ id: string; batch: unknown[] }>();
        o.counters.delivered += 1;
        if (attempt > 1) o.counters.redelivered += 1;
        await o.handler({ topic: o.topic, id, batch, attempt });
      } catch (err) {
        failure = err ?? new Error('handler rejected');
      } finally {
        clearInterval(heartbeat);
        heartbeats.delete(heartbeat);
      }
      if (state === 'aborted') return; // a crashed consumer acks nothing
      await settle(msg, attempt, failure);
    })();
    inFlight.add(run);
    void run.finally(() => {
      inFlight.delete(run);
      signal();
    });
  };

  const settle = async (msg: JsMsg, attempt: number, failure: unknown): Promise<void> => {
    try {
      if (failure === undefined) {
        await msg.ackAck();
        o.counters.acked += 1;
        o.onSettled();
      } else if (attempt >= o.options.maxDeliver) {
        msg.term();
        o.counters.deadLettered += 1;
        o.logger.error(
          { err: failure, topic: o.topic, stream_seq: msg.info.streamSequence, attempt },
          'message dead-lettered after its last delivery attempt failed',
        );
        o.onSettled();
      } else {
        o.logger.warn(
          { err: failure, topic: o.topic, attempt },
          'handler failed, message will be redelivered',
        );
        msg.nak(redeliveryDelayMs(attempt, o.options));
      }
    } catch (err) {
      // The ack did not reach the server: the message comes back after ack_wait (at-least-once).
      o.logger.warn({ err, topic: o.topic }, 'ack failed, message will be redelivered');
    }
  };

  const loop = (async () => {
    while (state === 'active') {
      await roomOrStop();
      if (state !== 'active') break;
      try {
        pull = await o.consumer.fetch({
          max_messages: o.options.maxInFlight - inFlight.size,
          expires: PULL_EXPIRES_MS,
        });
        // stop()/abort() may have run while fetch() was resolving, when there was no pull to stop.
        if (state !== 'active') pull.stop();
        for await (const msg of pull) {
          if (state === 'active') handle(msg);
          else if (state === 'stopping') msg.nak(); // hand it back at once instead of after ack_wait
        }
      } catch (err) {
        if (state !== 'active') break;
        o.logger.warn({ err, topic: o.topic }, 'pull failed, retrying');
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 1_000);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      } finally {
        pull = undefined;
      }
    }
  })();

  const halt = async (next: 'stopping' | 'aborted') => {
    state = next;
    signal();
    pull?.stop();
    await loop;
  };

  return {
    async stop() {
      if (state !== 'active') return;
      await halt('stopping');
      await Promise.allSettled([...inFlight]);
      state = 'stopped';
    },
    async abort() {
      if (state === 'aborted' || state === 'stopped') return;
      for (const heartbeat of heartbeats) clearInterval(heartbeat);
      heartbeats.clear();
      await halt('aborted');
    },
  };
}
