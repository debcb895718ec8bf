import type { AppendResult } from '@vigil/core';
import type { WriteQueue } from '../connection/write-queue.ts';

/** Events per shared transaction: bounds how long one commit holds the write lock and the heap. */
export const MAX_GROUP_EVENTS = 50_000;

interface Waiting<T> {
  batch: readonly T[];
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: batches that arrive while the writer is busy wait together and are written by one
 * call of `write` (one transaction), and every waiter resolves only after that call returned, i.e.
 * after the commit. If the shared transaction fails, each batch is retried on its own, so one bad
 * batch fails alone instead of taking its neighbours with it.
 */
export class GroupCommit<T> {
  readonly #writes: WriteQueue;
  readonly #write: (batches: readonly (readonly T[])[]) => number[];
  #waiting: Waiting<T>[] = [];
  #scheduled = false;

  constructor(writes: WriteQueue, write: (batches: readonly (readonly T[])[]) => number[]) {
    this.#writes = writes;
    this.#write = write;
  }

  add(batch: readonly T[]): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.#waiting.push({ batch, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#waiting.length === 0) return;
    this.#scheduled = true;
    void this.#writes.run(() => {
      this.#scheduled = false;
      this.#flush(this.#take());
      // Whatever arrived during this commit (or did not fit) goes in the next one.
      this.#schedule();
    });
  }

  #take(): Waiting<T>[] {
    let events = 0;
    let n = 0;
    while (
      n < this.#waiting.length &&
      (n === 0 || events + (this.#waiting[n]?.batch.length ?? 0) <= MAX_GROUP_EVENTS)
    ) {
      events += this.#waiting[n]?.batch.length ?? 0;
      n++;
    }
    return this.#waiting.splice(0, n);
  }

  #flush(group: readonly Waiting<T>[]): void {
    try {
      const counts = this.#write(group.map((w) => w.batch));
      group.forEach((w, i) => w.resolve({ appended: counts[i] ?? 0 }));
      return;
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
    }
    for (const w of group) {
      try {
        w.resolve({ appended: this.#write([w.batch])[0] ?? 0 });
      } catch (error) {
        w.reject(error);
      }
    }
  }
}
