import { operationalError, type AppendResult, type EventStore, type VigilEvent } from '@vigil/core';

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Lets a producer wait until the event writer has committed a batch it published (embedded mode:
 * the in-process queue is memory, so "published" alone is not durable). A batch is known by the
 * `vigil.id` of its first event; ids are random, so two batches never share it. The bus hands the
 * writer whole batches, so the first event of a delivered batch is the first event published.
 */
export class CommitTracker {
  /** Several waiters may share a batch id: a resend with stable ids (ES `_id`) while the first waits. */
  readonly #waiters = new Map<string, Waiter[]>();
  readonly #timeoutMs: number;

  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
  }

  /**
   * Registers interest in the batch whose first event id is `batchId`, before publishing it. The
   * promise resolves at commit; it rejects with INGEST_COMMIT_TIMEOUT when the commit takes longer
   * than the timeout (the batch stays queued and will still be stored), or when `cancel` is called.
   */
  expect(batchId: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject };
      waiter.timer = setTimeout(() => {
        this.#remove(batchId, waiter);
        reject(
          operationalError(
            'INGEST_COMMIT_TIMEOUT',
            'events were queued but not yet committed to storage; they will be stored, a resend may duplicate them',
            { retryAfterSeconds: 5, details: { timeoutMs: this.#timeoutMs } },
          ),
        );
      }, this.#timeoutMs);
      waiter.timer.unref();
      const list = this.#waiters.get(batchId);
      if (list) list.push(waiter);
      else this.#waiters.set(batchId, [waiter]);
    });
  }

  #remove(batchId: string, waiter: Waiter): void {
    const list = this.#waiters.get(batchId);
    if (!list) return;
    const rest = list.filter((w) => w !== waiter);
    if (rest.length === 0) this.#waiters.delete(batchId);
    else this.#waiters.set(batchId, rest);
  }

  /** Forgets the latest waiter of a batch (its publish failed); its promise rejects with `error`. */
  cancel(batchId: string, error: unknown): void {
    const waiter = this.#waiters.get(batchId)?.at(-1);
    if (waiter === undefined) return;
    this.#remove(batchId, waiter);
    clearTimeout(waiter.timer);
    waiter.reject(error);
  }

  /** Called after a batch was committed. */
  committed(batch: readonly VigilEvent[]): void {
    const id = batch[0]?.vigil?.id;
    if (id === undefined) return;
    const list = this.#waiters.get(id);
    if (list === undefined) return;
    this.#waiters.delete(id);
    for (const waiter of list) {
      clearTimeout(waiter.timer);
      waiter.resolve();
    }
  }

  /** Waiters not yet resolved (for tests and metrics). */
  get waiting(): number {
    let n = 0;
    for (const list of this.#waiters.values()) n += list.length;
    return n;
  }
}

/** Wraps an event store so every committed append notifies the tracker (give it to the event writer). */
export function trackCommits(store: EventStore, tracker: CommitTracker): EventStore {
  return {
    append: async (events: readonly VigilEvent[]): Promise<AppendResult> => {
      const result = await store.append(events);
      tracker.committed(events);
      return result;
    },
    query: (q) => store.query(q),
    count: (q) => store.count(q),
    dropBefore: (scope, before) => store.dropBefore(scope, before),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}
