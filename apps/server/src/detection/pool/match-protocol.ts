import type { CorrelationRule, Rejection, RuleInfo, RuleSource } from '@vigil/sigma';

/** Main thread → match worker. Messages are handled in the order they were posted. */
export type ToWorker =
  | {
      type: 'compile';
      id: number;
      /** Ruleset key: workspace and compile version (see MatchPool.compile). */
      key: string;
      sources: RuleSource[];
      placeholders: Record<string, readonly string[]>;
    }
  | {
      type: 'match';
      id: number;
      key: string;
      /** The batch as structured-clone objects, or as text: a JSON array, or JSON lines when `lines`. */
      events?: unknown[];
      text?: string;
      lines?: boolean;
    }
  | { type: 'drop'; key: string };

/** What the main thread needs of a compiled ruleset; the matcher itself stays in the worker. */
export interface RulesetMeta {
  rules: RuleInfo[];
  correlations: CorrelationRule[];
  rejected: Rejection[];
  warnings: string[];
}

/** Match worker → main thread. */
export type FromWorker =
  | { type: 'compiled'; id: number; meta: RulesetMeta }
  | { type: 'matched'; id: number; hits: Int32Array; events: number }
  | { type: 'failed'; id: number; message: string };

/**
 * Hit lists of a batch packed into one transferable array: for each event its hit count, then the
 * ruleset indexes. Most events hit nothing, so this is ~1 int per event.
 */
export function packHits(perEvent: readonly (readonly number[])[]): Int32Array {
  let size = perEvent.length;
  for (const h of perEvent) size += h.length;
  const out = new Int32Array(size);
  let o = 0;
  for (const h of perEvent) {
    out[o++] = h.length;
    for (const i of h) out[o++] = i;
  }
  return out;
}

const NONE: readonly number[] = Object.freeze([]);

/** The inverse of packHits; throws when the array is not `events` well-formed lists. */
export function unpackHits(packed: Int32Array, events: number): (readonly number[])[] {
  const out: (readonly number[])[] = [];
  let o = 0;
  while (o < packed.length) {
    const n = packed[o++] ?? 0;
    out.push(n === 0 ? NONE : Array.from(packed.subarray(o, o + n)));
    o += n;
  }
  if (out.length !== events || o !== packed.length) throw new Error('malformed hit list from match worker');
  return out;
}
