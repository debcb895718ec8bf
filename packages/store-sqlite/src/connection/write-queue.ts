/**
 * One writer at a time in this process. node:sqlite calls are synchronous, but writers are async
 * functions; chaining them keeps a future write that awaits between statements from interleaving.
 */
export class WriteQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => T | Promise<T>): Promise<T> {
    const result = this.#tail.then(work);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
