import type { Logger } from '../logging/logger.port.ts';
import type { BusTopicStats, Delivery } from './bus.port.ts';
import { busBackpressureError } from './bus.error.ts';
import { redeliveryDelayMs, type ResolvedSubscribeOptions } from './subscribe-options.ts';

interface StoredMessage {
  id: string;
  batch: readonly unknown[];
}

type Handler = (delivery: Delivery<unknown>) => Promise<void>;

/** One subscribe() call: a handler with its own in-flight budget. */
export class InProcessSubscriber {
  readonly handler: Handler;
  readonly options: ResolvedSubscribeOptions;
  /** seq → the handler run including its ack/nak bookkeeping. */
  readonly inFlight = new Map<number, Promise<void>>();
  state: 'active' | 'stopping' | 'stopped' | 'aborted' = 'active';

  constructor(handler: Handler, options: ResolvedSubscribeOptions) {
    this.handler = handler;
    this.options = options;
  }

  hasRoom(): boolean {
    return this.state === 'active' && this.inFlight.size < this.options.maxInFlight;
  }
}

/**
 * The durable cursor of one consumer name. Subscribers sharing the name share its work; the group
 * outlives them, so messages published while nobody is subscribed wait for the next subscriber.
 */
class ConsumerGroup {
  readonly name: string;
  readonly #topic: InProcessTopic;
  /** Next seq never delivered to this group. */
  #cursor: number;
  /** Every seq below the floor is acked (or dead-lettered) by this group. */
  floor: number;
  readonly #acked = new Set<number>();
  readonly #attempts = new Map<number, number>();
  /** Seqs due for redelivery, served before new messages. */
  readonly #ready: number[] = [];
  readonly #subscribers: InProcessSubscriber[] = [];
  #next = 0;

  constructor(name: string, topic: InProcessTopic, start: number) {
    this.name = name;
    this.#topic = topic;
    this.#cursor = start;
    this.floor = start;
  }

  add(subscriber: InProcessSubscriber): void {
    this.#subscribers.push(subscriber);
    this.pump();
  }

  /** Graceful stop: no new deliveries, then wait for the in-flight ones to settle (and ack). */
  async stop(subscriber: InProcessSubscriber): Promise<void> {
    if (subscriber.state !== 'active') return;
    subscriber.state = 'stopping';
    this.#remove(subscriber);
    await Promise.allSettled(subscriber.inFlight.values());
    subscriber.state = 'stopped';
  }

  /** Crash: forget the subscriber's in-flight messages at once; they go back to the group. */
  abort(subscriber: InProcessSubscriber): void {
    if (subscriber.state === 'aborted' || subscriber.state === 'stopped') return;
    subscriber.state = 'aborted';
    this.#remove(subscriber);
    for (const seq of subscriber.inFlight.keys()) this.#ready.push(seq);
    subscriber.inFlight.clear();
    this.pump();
  }

  /** Hands work to subscribers with room, round-robin, until either runs out. */
  pump(): void {
    for (;;) {
      const subscriber = this.#pickSubscriber();
      if (subscriber === undefined) return;
      const seq = this.#ready.shift() ?? (this.#cursor < this.#topic.nextSeq ? this.#cursor++ : undefined);
      if (seq === undefined) return;
      this.#deliver(subscriber, seq);
    }
  }

  #pickSubscriber(): InProcessSubscriber | undefined {
    for (let i = 0; i < this.#subscribers.length; i++) {
      const index = (this.#next + i) % this.#subscribers.length;
      const candidate = this.#subscribers[index];
      if (candidate?.hasRoom()) {
        this.#next = index + 1;
        return candidate;
      }
    }
    return undefined;
  }

  #remove(subscriber: InProcessSubscriber): void {
    const index = this.#subscribers.indexOf(subscriber);
    if (index >= 0) this.#subscribers.splice(index, 1);
  }

  #deliver(subscriber: InProcessSubscriber, seq: number): void {
    const message = this.#topic.message(seq);
    if (message === undefined) return; // cannot happen: a message is kept until every group acked it
    const attempt = (this.#attempts.get(seq) ?? 0) + 1;
    this.#attempts.set(seq, attempt);
    const counters = this.#topic.counters;
    if (attempt > subscriber.options.maxDeliver) {
      // Every allowed attempt ended in an abort (a crash, in production): the message itself is the
      // likely cause, so give up on it rather than crash the next subscriber too.
      this.#deadLetter(seq, attempt, undefined);
      return;
    }
    counters.delivered += 1;
    if (attempt > 1) counters.redelivered += 1;
    const delivery: Delivery<unknown> = {
      topic: this.#topic.name,
      id: message.id,
      // A fresh array per delivery: a handler reordering its batch must not affect other groups.
      batch: [...message.batch],
      attempt,
    };
    // Run the handler on a later tick so a handler that publishes cannot re-enter pump().
    const run: Promise<void> = Promise.resolve()
      .then(() => subscriber.handler(delivery))
      .then(
        () => this.#settle(subscriber, seq, run, undefined),
        (err: unknown) => this.#settle(subscriber, seq, run, err ?? new Error('handler rejected')),
      );
    subscriber.inFlight.set(seq, run);
  }

  #settle(subscriber: InProcessSubscriber, seq: number, run: Promise<void>, err: unknown): void {
    // After abort() the message already went back to the group: this late result must not ack it.
    if (subscriber.inFlight.get(seq) !== run) return;
    subscriber.inFlight.delete(seq);
    const attempt = this.#attempts.get(seq) ?? 1;
    if (err === undefined) {
      this.#topic.counters.acked += 1;
      this.#done(seq);
    } else if (attempt >= subscriber.options.maxDeliver) {
      this.#deadLetter(seq, attempt, err);
    } else {
      this.#topic.logger.warn(
        { err, topic: this.#topic.name, consumer: this.name, attempt },
        'handler failed, message will be redelivered',
      );
      this.#topic.later(redeliveryDelayMs(attempt, subscriber.options), () => {
        this.#ready.push(seq);
        this.pump();
      });
    }
    this.pump();
  }

  #deadLetter(seq: number, attempt: number, err: unknown): void {
    this.#topic.counters.deadLettered += 1;
    this.#topic.logger.error(
      { err, topic: this.#topic.name, consumer: this.name, id: this.#topic.message(seq)?.id, attempt },
      'message dead-lettered: no delivery attempt left',
    );
    this.#done(seq);
  }

  #done(seq: number): void {
    this.#attempts.delete(seq);
    this.#acked.add(seq);
    while (this.#acked.delete(this.floor)) this.floor += 1;
    this.#topic.trim();
  }
}

/** A bounded queue of messages for one topic, kept until every consumer group has acked them. */
export class InProcessTopic {
  readonly name: string;
  readonly capacity: number;
  readonly logger: Logger;
  readonly later: (ms: number, fn: () => void) => void;
  readonly counters: BusTopicStats;
  nextSeq = 1;
  readonly #messages = new Map<number, StoredMessage>();
  /** Lowest retained seq (== nextSeq when empty). */
  #first = 1;
  readonly #groups = new Map<string, ConsumerGroup>();

  constructor(name: string, capacity: number, logger: Logger, later: (ms: number, fn: () => void) => void) {
    this.name = name;
    this.capacity = capacity;
    this.logger = logger;
    this.later = later;
    this.counters = {
      topic: name,
      published: 0,
      rejected: 0,
      delivered: 0,
      redelivered: 0,
      acked: 0,
      deadLettered: 0,
    };
  }

  get pending(): number {
    return this.#messages.size;
  }

  message(seq: number): StoredMessage | undefined {
    return this.#messages.get(seq);
  }

  publish(id: string, batch: readonly unknown[]): void {
    if (this.#messages.size >= this.capacity) {
      this.counters.rejected += 1;
      throw busBackpressureError(this.name, this.capacity);
    }
    this.#messages.set(this.nextSeq++, { id, batch });
    this.counters.published += 1;
    for (const group of this.#groups.values()) group.pump();
  }

  /** The group of a consumer name; a new name starts at the oldest message still retained. */
  group(name: string): ConsumerGroup {
    let group = this.#groups.get(name);
    if (group === undefined) {
      group = new ConsumerGroup(name, this, this.#first);
      this.#groups.set(name, group);
    }
    return group;
  }

  /** Drops messages every group has acked. With no group yet, everything is kept (bounded by capacity). */
  trim(): void {
    if (this.#groups.size === 0) return;
    let floor = this.nextSeq;
    for (const group of this.#groups.values()) floor = Math.min(floor, group.floor);
    while (this.#first < floor) this.#messages.delete(this.#first++);
  }
}
