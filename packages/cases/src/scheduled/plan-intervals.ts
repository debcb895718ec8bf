/** One event-time interval `[start, end)` to run, epoch ms. */
export interface PlannedInterval {
  start: number;
  end: number;
  /** True when the interval should have run at an earlier tick (catch-up after downtime). */
  late: boolean;
}

export interface TimeRange {
  start: number;
  end: number;
}

export interface IntervalPlan {
  runs: PlannedInterval[];
  /** Event time that will not be covered because it lies beyond the catch-up bound: report it. */
  gaps: TimeRange[];
}

export interface PlanInput {
  /** Event time covered so far: everything before it has been run (or reported as a gap). */
  coveredUntil: number;
  now: number;
  intervalMs: number;
  delayMs: number;
  /** At most this many intervals are run in one plan; older missed ones become a gap. */
  maxCatchUp: number;
}

/** The interval boundary at or before `t` (windows are aligned to multiples of the interval). */
export function alignDown(t: number, intervalMs: number): number {
  return Math.floor(t / intervalMs) * intervalMs;
}

/**
 * The intervals due at `now`: aligned windows from `coveredUntil` whose end ≤ now − delay, so running
 * them in order and advancing `coveredUntil` to each end covers event time exactly once — no overlap,
 * no hole — across restarts. An unaligned `coveredUntil` (the interval was changed) gets one short
 * window up to the next boundary. When more than `maxCatchUp` are due, the oldest become one gap.
 * Example: `planIntervals({coveredUntil: 0, now: 185_000, intervalMs: 60_000, delayMs: 0, maxCatchUp: 10})`
 * → runs [0,60s) [60s,120s) [120s,180s).
 */
export function planIntervals(input: PlanInput): IntervalPlan {
  const { coveredUntil, intervalMs } = input;
  const horizon = alignDown(input.now - input.delayMs, intervalMs);
  if (horizon <= coveredUntil) return { runs: [], gaps: [] };
  const firstEnd = alignDown(coveredUntil, intervalMs) + intervalMs;
  const count = 1 + (horizon - firstEnd) / intervalMs;
  const keep = Math.max(1, Math.min(count, input.maxCatchUp));
  const runs: PlannedInterval[] = [];
  const gaps: TimeRange[] = [];
  if (keep < count) {
    const resumeAt = horizon - keep * intervalMs;
    gaps.push({ start: coveredUntil, end: resumeAt });
  }
  for (let i = keep - 1; i >= 0; i--) {
    const end = horizon - i * intervalMs;
    const start = end === firstEnd ? coveredUntil : end - intervalMs;
    runs.push({ start, end, late: end < horizon });
  }
  return { runs, gaps };
}

/** When the interval after `coveredUntil` becomes due (its end + delay), epoch ms. */
export function nextDueAt(coveredUntil: number, intervalMs: number, delayMs: number): number {
  return alignDown(coveredUntil, intervalMs) + intervalMs + delayMs;
}

/**
 * Splits `[from, to)` at the interval boundaries (first and last windows may be short): the windows a
 * simulation evaluates, as the scheduler would have. Example: coverWindows(90s, 200s, 60s) →
 * [90s,120s) [120s,180s) [180s,200s).
 */
export function coverWindows(from: number, to: number, intervalMs: number): TimeRange[] {
  const out: TimeRange[] = [];
  let start = from;
  while (start < to) {
    const end = Math.min(to, alignDown(start, intervalMs) + intervalMs);
    out.push({ start, end });
    start = end;
  }
  return out;
}
