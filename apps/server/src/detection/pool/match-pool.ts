import { Worker } from 'node:worker_threads';
import { silentLogger } from '@vigil/core';
import type { Logger } from '@vigil/core';
import type { RuleSource } from '@vigil/sigma';
import { unpackHits } from './match-protocol.ts';
import type { FromWorker, RulesetMeta, ToWorker } from './match-protocol.ts';

export interface MatchPoolOptions {
  threads: number;
  /** Worker entry module and its `workerData` (tests substitute one that crashes). */
  workerUrl?: URL;
  workerData?: unknown;
  logger?: Logger;
  /**
   * How parsed events travel to a worker: structured clone (default) or JSON text. Measured with the
   * full SigmaHQ tree (bench:detect): clone 2–3× the throughput of JSON.stringify + parse, and less
   * CPU on the main thread.
   */
  transfer?: 'json' | 'clone';
  /** Smallest share of a batch sent to one worker when a batch is split between workers (default 64). */
  minChunk?: number;
}

/** Counters of the pool, for /metrics (added to the detection counters). */
export interface MatchPoolCounters {
  /** Workers that died and were started again. */
  workerRestarts: number;
  /** Batches sent again to a restarted worker after the one holding them died. */
  batchRetries: number;
  /** Batches that failed in workers twice (or were refused) and were matched on the main thread. */
  mainThreadFallbacks: number;
}

/** A batch the pool could not match (its worker died twice, or refused it); match it elsewhere. */
export class MatchPoolFailure extends Error {
  override readonly name = 'MatchPoolFailure';
}

interface Request {
  msg: ToWorker & { type: 'compile' | 'match' };
  attempts: number;
  /** Events in a match request (for load balancing). */
  weight: number;
  resolve(reply: FromWorker): void;
  reject(err: Error): void;
}

interface Slot {
  index: number;
  worker: Worker;
  pending: Map<number, Request>;
  load: number;
}

interface CompileSpec {
  sources: RuleSource[];
  placeholders: Record<string, readonly string[]>;
}

const DEFAULT_URL = new URL('./match-worker.ts', import.meta.url);
/** More worker deaths than this within the window is a crash loop, not bad luck. */
const MAX_DEATHS_IN_WINDOW = 8;
const CRASH_WINDOW_MS = 30_000;

/**
 * Worker threads matching event batches against compiled Sigma rulesets (DESIGN §6: compile once,
 * per thread — compiled rules are closures and automata that cannot cross threads). Every worker
 * compiles every live ruleset version, so any worker can take any batch; a large batch is split
 * between workers and the hit lists come back in input order. Only rule indexes travel back: the
 * main thread turns them into detections and feeds the correlation engine, which stays single-threaded.
 * A worker that dies is restarted with the live rulesets; its batches are retried once there.
 */
export class MatchPool {
  readonly counters: MatchPoolCounters = { workerRestarts: 0, batchRetries: 0, mainThreadFallbacks: 0 };
  private readonly slots: Slot[] = [];
  private readonly live = new Map<string, CompileSpec>();
  private nextId = 1;
  private closed = false;
  /** Set when workers die faster than they can be useful (crash loop): the pool refuses all work. */
  private broken = false;
  private readonly deaths: number[] = [];
  private readonly url: URL;
  private readonly workerData: unknown;
  private readonly logger: Logger;
  private readonly transfer: 'json' | 'clone';
  private readonly minChunk: number;

  constructor(options: MatchPoolOptions) {
    if (!(options.threads >= 1)) throw new RangeError('a match pool needs at least one thread');
    this.url = options.workerUrl ?? DEFAULT_URL;
    this.workerData = options.workerData;
    this.logger = (options.logger ?? silentLogger).child({ component: 'match-pool' });
    this.transfer = options.transfer ?? 'clone';
    this.minChunk = options.minChunk ?? 64;
    for (let i = 0; i < options.threads; i++) this.slots.push(this.start(i, new Map()));
  }

  get threads(): number {
    return this.slots.length;
  }

  /**
   * Compiles a ruleset in every worker under `key` (unique per workspace and version); resolves with
   * what the main thread needs to know about it once every worker can match with it.
   */
  async compile(
    key: string,
    sources: RuleSource[],
    placeholders: Record<string, readonly string[]> = {},
  ): Promise<RulesetMeta> {
    this.live.set(key, { sources, placeholders });
    const replies = await Promise.all(
      this.slots.map((slot) =>
        this.send(slot, { type: 'compile', id: this.nextId++, key, sources, placeholders }, 0),
      ),
    );
    const first = replies[0];
    if (first?.type !== 'compiled' || replies.some((r) => r.type !== 'compiled')) {
      this.drop(key);
      throw new Error(`ruleset ${key} did not compile in the match workers`);
    }
    return first.meta;
  }

  /** Forgets a ruleset version in every worker (after the next one was swapped in). */
  drop(key: string): void {
    this.live.delete(key);
    for (const slot of this.slots) slot.worker.postMessage({ type: 'drop', key } satisfies ToWorker);
  }

  /** Hit indexes (into the ruleset's rules) of each event, in input order. */
  async match(key: string, events: readonly unknown[]): Promise<(readonly number[])[]> {
    if (events.length === 0) return [];
    const parts = Math.max(1, Math.min(this.slots.length, Math.floor(events.length / this.minChunk)));
    const size = Math.ceil(events.length / parts);
    const chunks: Promise<(readonly number[])[]>[] = [];
    for (let start = 0; start < events.length; start += size) {
      const chunk = events.slice(start, start + size);
      const msg: ToWorker =
        this.transfer === 'clone'
          ? { type: 'match', id: this.nextId++, key, events: chunk }
          : { type: 'match', id: this.nextId++, key, text: JSON.stringify(chunk) };
      chunks.push(this.matchOne(msg, chunk.length));
    }
    return (await Promise.all(chunks)).flat();
  }

  /** Matches newline-separated JSON documents, parsed in the worker (benchmarks; raw-text sources). */
  matchLines(key: string, text: string, count: number): Promise<(readonly number[])[]> {
    return this.matchOne({ type: 'match', id: this.nextId++, key, text, lines: true }, count);
  }

  private async matchOne(msg: ToWorker & { type: 'match' }, count: number): Promise<(readonly number[])[]> {
    const slot = this.slots.reduce((a, b) => (b.load < a.load ? b : a));
    const reply = await this.send(slot, msg, count);
    if (reply.type !== 'matched') {
      this.counters.mainThreadFallbacks++;
      throw new MatchPoolFailure(reply.type === 'failed' ? reply.message : 'unexpected reply');
    }
    return unpackHits(reply.hits, reply.events);
  }

  /** False once closed or given up after a crash loop (callers then work on the main thread). */
  get usable(): boolean {
    return !this.closed && !this.broken;
  }

  private send(slot: Slot, msg: Request['msg'], weight: number): Promise<FromWorker> {
    if (this.closed) return Promise.reject(new MatchPoolFailure('match pool closed'));
    if (this.broken) return Promise.reject(new MatchPoolFailure('match workers keep dying; pool stopped'));
    return new Promise<FromWorker>((resolve, reject) => {
      this.enqueue(slot, { msg, attempts: 1, weight, resolve, reject });
    });
  }

  private enqueue(slot: Slot, req: Request): void {
    if (slot.pending.size === 0) slot.worker.ref();
    slot.pending.set(req.msg.id, req);
    slot.load += req.weight;
    slot.worker.postMessage(req.msg);
  }

  private settle(slot: Slot, id: number): Request | undefined {
    const req = slot.pending.get(id);
    if (!req) return undefined;
    slot.pending.delete(id);
    slot.load -= req.weight;
    // An idle pool must not keep the process alive.
    if (slot.pending.size === 0) slot.worker.unref();
    return req;
  }

  private start(index: number, inherited: Map<number, Request>): Slot {
    const worker = new Worker(this.url, { workerData: this.workerData });
    const slot: Slot = { index, worker, pending: new Map(), load: 0 };
    worker.unref();
    worker.on('message', (reply: FromWorker) => this.settle(slot, reply.id)?.resolve(reply));
    worker.on('error', (err) => this.logger.error({ err, worker: index }, 'match worker failed'));
    worker.on('exit', (code) => this.onExit(slot, code));
    // The new worker first gets every live ruleset, then the requests the dead one held.
    for (const [key, spec] of this.live) {
      const waiting = [...inherited.values()].find((r) => r.msg.type === 'compile' && r.msg.key === key);
      if (!waiting)
        this.enqueue(slot, {
          msg: { type: 'compile', id: this.nextId++, key, ...spec },
          attempts: 1,
          weight: 0,
          resolve: () => undefined,
          reject: () => undefined,
        });
    }
    for (const req of inherited.values()) this.enqueue(slot, req);
    return slot;
  }

  private onExit(slot: Slot, code: number): void {
    if (this.closed || this.broken) {
      for (const req of slot.pending.values()) req.reject(new MatchPoolFailure('match pool stopped'));
      slot.pending.clear();
      return;
    }
    const now = performance.now();
    this.deaths.push(now);
    while ((this.deaths[0] ?? now) < now - CRASH_WINDOW_MS) this.deaths.shift();
    if (this.deaths.length > MAX_DEATHS_IN_WINDOW) return this.giveUp(slot);
    this.counters.workerRestarts++;
    this.logger.error(
      { worker: slot.index, code, pending: slot.pending.size },
      'match worker died; restarting it',
    );
    const retry = new Map<number, Request>();
    for (const req of slot.pending.values()) {
      if (req.attempts >= 2) {
        req.reject(new MatchPoolFailure(`match worker died twice on request ${req.msg.id}`));
        if (req.msg.type === 'match') this.counters.mainThreadFallbacks++;
        continue;
      }
      req.attempts++;
      if (req.msg.type === 'match') this.counters.batchRetries++;
      retry.set(req.msg.id, req);
    }
    this.slots[slot.index] = this.start(slot.index, retry);
  }

  /** A crash loop (e.g. a worker that cannot even start): stop restarting, fail everything pending. */
  private giveUp(dead: Slot): void {
    this.broken = true;
    this.logger.error(
      { deaths: this.deaths.length },
      'match workers keep dying; matching moves to the main thread',
    );
    for (const slot of this.slots) {
      for (const req of slot.pending.values()) {
        if (req.msg.type === 'match') this.counters.mainThreadFallbacks++;
        req.reject(new MatchPoolFailure('match workers keep dying; pool stopped'));
      }
      slot.pending.clear();
      if (slot !== dead) void slot.worker.terminate();
    }
  }

  /** Stops the workers; pending requests fail (callers fall back to the main thread). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
