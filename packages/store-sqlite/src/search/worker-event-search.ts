import { Worker } from 'node:worker_threads';
import { operationalError, VigilError } from '@vigil/core';
import type { EventSearch, EventSearchRequest, EventSearchResult } from '@vigil/core';
import type { QueryPlan } from '@vigil/query';
import { streamSearch } from './stream-search.ts';
import type { SearchReply, SearchRequestMessage } from './worker-messages.ts';

type Doc = Record<string, unknown>;

interface Pending {
  resolve: (result: EventSearchResult) => void;
  reject: (error: unknown) => void;
}

/**
 * The embedded store's search, run on a worker thread with its own read-only connection (WAL lets it
 * read while the writer commits). node:sqlite is synchronous, so on the main thread a search over
 * millions of rows would stall ingest acknowledgements, the API and the syslog listeners for as long
 * as it runs. Searches queue in the worker one at a time; the worker starts on the first search and
 * is restarted after a crash.
 */
export class WorkerEventSearch implements EventSearch<QueryPlan> {
  readonly #path: string;
  readonly #pending = new Map<number, Pending>();
  #worker: Worker | undefined;
  #nextId = 1;
  #closed = false;

  constructor(path: string) {
    this.#path = path;
  }

  search(request: EventSearchRequest<QueryPlan>): Promise<EventSearchResult> {
    if (this.#closed)
      return Promise.reject(operationalError('SEARCH_UNAVAILABLE', 'the event store is closed'));
    const worker = this.#start();
    const id = this.#nextId++;
    return new Promise<EventSearchResult>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      // Only a worker with work keeps the process alive.
      worker.ref();
      worker.postMessage({ id, request } satisfies SearchRequestMessage);
    });
  }

  stream(request: EventSearchRequest<QueryPlan>): AsyncIterable<readonly Doc[]> {
    return streamSearch((req) => this.search(req), request);
  }

  /** Stops the worker; searches still running are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    const worker = this.#worker;
    this.#worker = undefined;
    this.#failAll(operationalError('SEARCH_UNAVAILABLE', 'the event store is closed'));
    if (worker !== undefined) await worker.terminate();
  }

  #start(): Worker {
    if (this.#worker !== undefined) return this.#worker;
    const worker = new Worker(new URL('./sqlite-search-worker.ts', import.meta.url), {
      workerData: { path: this.#path },
    });
    worker.unref();
    worker.on('message', (reply: SearchReply) => {
      const pending = this.#pending.get(reply.id);
      if (pending === undefined) return;
      this.#pending.delete(reply.id);
      if (this.#pending.size === 0) worker.unref();
      if ('result' in reply) pending.resolve(reply.result);
      else {
        const { code, kind, message, details, status, retryAfterSeconds } = reply.error;
        pending.reject(
          new VigilError(code, kind, message, {
            ...(details === undefined ? {} : { details }),
            ...(status === undefined ? {} : { status }),
            ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
          }),
        );
      }
    });
    const lost = (cause: unknown) => {
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      this.#failAll(operationalError('SEARCH_UNAVAILABLE', 'the search worker stopped', { cause }));
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`search worker exited with code ${code}`)));
    this.#worker = worker;
    return worker;
  }

  #failAll(error: unknown): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
