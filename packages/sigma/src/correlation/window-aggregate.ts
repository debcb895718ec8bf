import type { CorrelationType } from './correlation-rule.ts';

/** One match held in a group's window. */
export interface WindowEntry {
  time: number;
  /** Arrival order: breaks ties between equal times so order is deterministic. */
  seq: number;
  /** Index of the matched rule in the correlation's `rules` list. */
  ruleIdx: number;
  /** Identity of the underlying event: one event matched by two referenced rules counts once. */
  key: string;
  eventIndexes: readonly number[];
  /** value_count: the distinct-value key; value_sum/avg/percentile: the number. */
  value: string | number | undefined;
}

/**
 * Running aggregate of the entries in a window, updated as entries enter and leave it.
 * Counts, distinct values, rules seen and sums are O(1) per update; the ordered chain
 * (temporal_ordered) and percentiles are computed from the window's entries on demand.
 */
export class WindowAggregate {
  private readonly type: CorrelationType;
  private readonly events = new Map<string, { refs: number; value: string | number | undefined }>();
  private readonly values = new Map<string, number>();
  private readonly ruleCounts = new Map<number, number>();
  private sum = 0;

  constructor(type: CorrelationType) {
    this.type = type;
  }

  add(e: WindowEntry): void {
    this.ruleCounts.set(e.ruleIdx, (this.ruleCounts.get(e.ruleIdx) ?? 0) + 1);
    const seen = this.events.get(e.key);
    if (seen !== undefined) {
      seen.refs += 1;
      return;
    }
    this.events.set(e.key, { refs: 1, value: e.value });
    if (typeof e.value === 'number') this.sum += e.value;
    else if (typeof e.value === 'string') this.values.set(e.value, (this.values.get(e.value) ?? 0) + 1);
  }

  remove(e: WindowEntry): void {
    const n = (this.ruleCounts.get(e.ruleIdx) ?? 0) - 1;
    if (n > 0) this.ruleCounts.set(e.ruleIdx, n);
    else this.ruleCounts.delete(e.ruleIdx);
    const seen = this.events.get(e.key);
    if (seen === undefined) return;
    seen.refs -= 1;
    if (seen.refs > 0) return;
    this.events.delete(e.key);
    if (typeof seen.value === 'number') this.sum -= seen.value;
    else if (typeof seen.value === 'string') {
      const v = (this.values.get(seen.value) ?? 0) - 1;
      if (v > 0) this.values.set(seen.value, v);
      else this.values.delete(seen.value);
    }
  }

  /** Number of distinct referenced rules with a match in the window. */
  distinctRules(): number {
    return this.ruleCounts.size;
  }

  /**
   * The value the condition is compared with, for the window `entries[from, to)` that this
   * aggregate holds. NaN when undefined (e.g. the average of nothing).
   */
  metric(entries: readonly WindowEntry[], from: number, to: number, percentile = 50): number {
    switch (this.type) {
      case 'event_count':
        return this.events.size;
      case 'value_count':
        return this.values.size;
      case 'temporal':
        return this.ruleCounts.size;
      case 'temporal_ordered':
        return orderedChain(entries, from, to);
      case 'value_sum':
        return this.sum;
      case 'value_avg':
        return this.events.size === 0 ? Number.NaN : this.sum / this.events.size;
      case 'value_percentile':
        return percentileOf(this.numbers(), percentile);
    }
  }

  private numbers(): number[] {
    const out: number[] = [];
    for (const { value } of this.events.values()) if (typeof value === 'number') out.push(value);
    return out;
  }
}

/**
 * Length of the longest prefix of the correlation's rule list matched in order within
 * `entries[from, to)` (greedy: the earliest match of each next rule is always the best choice).
 */
export function orderedChain(entries: readonly WindowEntry[], from: number, to: number): number {
  let next = 0;
  for (let i = from; i < to; i++) if (entries[i]?.ruleIdx === next) next++;
  return next;
}

/** The p-th percentile (0–100) with linear interpolation between closest ranks; NaN when empty. */
export function percentileOf(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = values.toSorted((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return a + (b - a) * (rank - lo);
}
