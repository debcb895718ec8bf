import { invalidInvestigationInput } from './investigation.error.ts';
import { windowDuration } from './investigation-window.ts';

const day = 86_400_000;
export const defaultEntityLookBackDays = 30;
export const maxEntityLookBackDays = 90;

export interface EntityPageWindowQuery {
  now: number;
  /** Look back this many days from now (the default view). */
  days?: number;
  /** Centre of a ± window, epoch ms (like the alert and incident timelines). */
  at?: number;
  before?: string;
  after?: string;
}

/** `[from, to)` of an entity page; `at` is set for a ± window. */
export interface EntityPageWindow {
  from: number;
  to: number;
  at?: number;
}

/**
 * The events window of an entity page: either a look-back of `days` from now (plus a day ahead, for
 * sources with skewed clocks), or `at` ± `before`/`after` (30m, 2h, 1d; default 1h each, at most 7d).
 * Mixing the two is refused, naming the field.
 * Example: `entityPageWindow({ now, at: t, before: '2h', after: '30m' })` → `{ from: t - 2h, to: t + 30m + 1, at: t }`.
 */
export function entityPageWindow(q: EntityPageWindowQuery): EntityPageWindow {
  if (q.at === undefined) {
    if (q.before !== undefined) throw invalidInvestigationInput('before', 'needs at (the time to centre on)');
    if (q.after !== undefined) throw invalidInvestigationInput('after', 'needs at (the time to centre on)');
    const days = q.days ?? defaultEntityLookBackDays;
    if (!Number.isInteger(days) || days < 1 || days > maxEntityLookBackDays) {
      throw invalidInvestigationInput('days', `expected 1..${maxEntityLookBackDays}`);
    }
    return { from: q.now - days * day, to: q.now + day };
  }
  if (q.days !== undefined)
    throw invalidInvestigationInput('days', 'give either days or at with before/after');
  const before = windowDuration(q.before, 'before');
  const after = windowDuration(q.after, 'after');
  // The store's upper bound is exclusive: an event exactly at `at + after` belongs in.
  return { from: q.at - before, to: q.at + after + 1, at: q.at };
}

/** Whether a case (alert, incident) was active during the window. */
export function overlapsWindow(
  span: { firstSeenAt: number; lastSeenAt: number },
  w: EntityPageWindow,
): boolean {
  return span.lastSeenAt >= w.from && span.firstSeenAt < w.to;
}
