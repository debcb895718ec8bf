import type { CorrelationType } from './correlation-rule.ts';
import { WindowAggregate } from './window-aggregate.ts';
import type { WindowEntry } from './window-aggregate.ts';

/** A window of entries `entries[from, to)` whose metric satisfied the condition. */
export interface WindowSpan {
  from: number;
  to: number;
}

/** Computes the metric of `entries[from, to)` held by `agg`, and tests it. */
export type WindowTest = (
  agg: WindowAggregate,
  entries: readonly WindowEntry[],
  from: number,
  to: number,
) => boolean;

/** First index in `entries` (sorted by time) whose time is > `time` (or >= with `inclusive`). */
function bound(entries: readonly WindowEntry[], time: number, inclusive: boolean): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const t = entries[mid]?.time ?? 0;
    if (t < time || (!inclusive && t === time)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The matches of one correlation group, sorted by event time, plus a running aggregate of the
 * sliding window `[newest - timespan, newest]` so that in-order matches cost O(1).
 */
export class GroupWindow {
  readonly group: Record<string, unknown>;
  readonly entries: WindowEntry[] = [];
  newest = Number.NEGATIVE_INFINITY;
  private readonly type: CorrelationType;
  private readonly spanMs: number;
  /** Index of the first entry inside `[newest - spanMs, newest]`. */
  private head = 0;
  private agg: WindowAggregate;
  /** False in closed-window mode, where windows are aggregated once when taken. */
  private readonly running: boolean;

  constructor(type: CorrelationType, spanMs: number, group: Record<string, unknown>, running: boolean) {
    this.type = type;
    this.spanMs = spanMs;
    this.group = group;
    this.running = running;
    this.agg = new WindowAggregate(type);
  }

  /** Inserts in time order; returns the entry's index (the last index when it arrived in order). */
  insert(e: WindowEntry): number {
    const idx = bound(this.entries, e.time, false);
    this.entries.splice(idx, 0, e);
    if (e.time > this.newest) this.newest = e.time;
    if (!this.running) return idx;
    if (e.time >= this.newest - this.spanMs) this.agg.add(e);
    else this.head++;
    this.advanceHead();
    return idx;
  }

  private advanceHead(): void {
    const start = this.newest - this.spanMs;
    for (let e = this.entries[this.head]; e !== undefined && e.time < start; e = this.entries[this.head]) {
      this.agg.remove(e);
      this.head++;
    }
  }

  /** Tests the sliding window ending at the newest entry. */
  testNewest(test: WindowTest): WindowSpan | undefined {
    const to = this.entries.length;
    return test(this.agg, this.entries, this.head, to) ? { from: this.head, to } : undefined;
  }

  /**
   * Tests every window of length timespan that contains the entry at `idx` (a late arrival),
   * earliest first. Windows start at an entry, which is enough when the metric only grows.
   */
  testContaining(idx: number, test: WindowTest): WindowSpan | undefined {
    const t = this.entries[idx]?.time ?? 0;
    const agg = new WindowAggregate(this.type);
    let to = bound(this.entries, t - this.spanMs, true);
    for (let from = to; from <= idx; from++) {
      const start = this.entries[from];
      if (start === undefined) break;
      for (
        let e = this.entries[to];
        e !== undefined && e.time <= start.time + this.spanMs;
        e = this.entries[to]
      ) {
        agg.add(e);
        to++;
      }
      if (test(agg, this.entries, from, to)) return { from, to };
      agg.remove(start);
    }
    return undefined;
  }

  /** Drops the entries of `entries[0, to)`: they were consumed by a hit. */
  consume(to: number): void {
    this.entries.splice(0, to);
    this.rebuild();
  }

  /** Forgets entries older than `cutoff`; batched so that in-order streams stay O(1) amortised. */
  prune(cutoff: number): void {
    const n = bound(this.entries, cutoff, true);
    if (n === 0 || (n < 64 && n * 2 < this.entries.length)) return;
    this.entries.splice(0, n);
    if (n > this.head) this.rebuild();
    else this.head -= n;
  }

  /**
   * Removes and returns the tumbling window that starts at the oldest entry:
   * `[first.time, first.time + timespan]` (closed-window mode).
   */
  takeOldestWindow(): { entries: WindowEntry[]; agg: WindowAggregate } {
    const first = this.entries[0];
    const to = first === undefined ? 0 : bound(this.entries, first.time + this.spanMs, false);
    const entries = this.entries.splice(0, to);
    const agg = new WindowAggregate(this.type);
    for (const e of entries) agg.add(e);
    this.rebuild();
    return { entries, agg };
  }

  private rebuild(): void {
    if (!this.running) return;
    this.agg = new WindowAggregate(this.type);
    this.head = bound(this.entries, this.newest - this.spanMs, true);
    for (let i = this.head; i < this.entries.length; i++) {
      const e = this.entries[i];
      if (e !== undefined) this.agg.add(e);
    }
  }
}
