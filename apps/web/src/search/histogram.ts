// The search page's event-count histogram: the span that gives a readable number of bars for a time
// range, the timechart query that counts the current search, and its rows as bars. Pure.
import type { Row } from './search-api.ts';

/** Spans the query language accepts (`timechart span=…`), shortest first. */
const SPANS = [
  ['1m', 60_000],
  ['5m', 300_000],
  ['10m', 600_000],
  ['30m', 1_800_000],
  ['1h', 3_600_000],
  ['3h', 10_800_000],
  ['6h', 21_600_000],
  ['12h', 43_200_000],
  ['1d', 86_400_000],
  ['7d', 604_800_000],
  ['30d', 2_592_000_000],
] as const;

/** Bars at most; the span grows until the range fits. */
export const MAX_BARS = 120;

/** The shortest span that cuts [from, to) into at most MAX_BARS buckets. */
export function histogramSpan(fromMs: number, toMs: number): { span: string; ms: number } {
  const range = Math.max(1, toMs - fromMs);
  for (const [span, ms] of SPANS) if (range / ms <= MAX_BARS) return { span, ms };
  const [span, ms] = SPANS[SPANS.length - 1] ?? ['30d', 2_592_000_000];
  return { span, ms };
}

/** Index of the first `|` outside quotes: where the query's pipeline starts (length when none). */
export function pipeIndex(query: string): number {
  let quote: string | undefined;
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (c === '\\') i++;
    else if (quote !== undefined) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '|') return i;
  }
  return query.length;
}

/**
 * The query counting what the search matches: its search part (stages that reshape rows would change
 * what a bar means, so they are left out) followed by `timechart span=… count()`.
 * @example histogramQuery('host.name:web1 | head 5', '1h') // 'host.name:web1 | timechart span=1h count()'
 */
export function histogramQuery(query: string, span: string): string {
  const search = query.slice(0, pipeIndex(query)).trim();
  return `${search === '' ? '*' : search} | timechart span=${span} count()`;
}

export interface Bar {
  /** Bucket start, epoch ms. */
  readonly at: number;
  readonly count: number;
}

/** The timechart rows as bars (rows without a time or a count are skipped). */
export function barsOf(rows: readonly Row[]): Bar[] {
  const bars: Bar[] = [];
  for (const row of rows) {
    const at = Date.parse(String(row['@timestamp']));
    const count = row['count()'];
    if (Number.isFinite(at) && typeof count === 'number') bars.push({ at, count });
  }
  return bars;
}
