/** Per rule: group key → until when (event time, epoch ms) repeats are suppressed, and how many were. */
export type SuppressionState = Record<string, { until: number; suppressed: number }>;

/** Groups remembered per rule at most; the ones expiring first are forgotten first. */
export const MAX_SUPPRESSED_GROUPS = 10_000;

/** The key of a group for suppression: its values in groupBy order (`*` for a per-run alert). */
export function suppressionKey(groupBy: readonly string[], group: Readonly<Record<string, unknown>>): string {
  return groupBy.length === 0 ? '*' : JSON.stringify(groupBy.map((f) => group[f] ?? null));
}

/**
 * Decides one firing against the suppression state at event time `at` (the interval's end, so a
 * catch-up run decides as the live run would have): suppressed when the same key fired within the
 * window; otherwise it opens a new window. Returns the next state (the input is not changed).
 * Example: `suppress({}, 'k', 1000, 600_000)` → `{suppressed: false, state: {k: {until: 601000, suppressed: 0}}}`.
 */
export function suppress(
  state: SuppressionState,
  key: string,
  at: number,
  windowMs: number,
): { suppressed: boolean; state: SuppressionState } {
  if (windowMs <= 0) return { suppressed: false, state };
  const current = state[key];
  if (current !== undefined && current.until > at) {
    return {
      suppressed: true,
      state: { ...state, [key]: { ...current, suppressed: current.suppressed + 1 } },
    };
  }
  return { suppressed: false, state: { ...state, [key]: { until: at + windowMs, suppressed: 0 } } };
}

/** Drops expired entries (and the oldest beyond the cap) so the state stays bounded. */
export function pruneSuppression(state: SuppressionState, at: number): SuppressionState {
  const live = Object.entries(state).filter(([, v]) => v.until > at);
  live.sort((a, b) => b[1].until - a[1].until);
  return Object.fromEntries(live.slice(0, MAX_SUPPRESSED_GROUPS));
}
