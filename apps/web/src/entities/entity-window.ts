// The entity page's events window in the address (`?at=…&before=…&after=…` or `?days=…`), so a link from
// a timeline row opens the page around that event and the browser's back button restores a choice.
import type { EntityWindow } from '../investigation/investigation-api.ts';

export const lookBackChoices: readonly number[] = [1, 7, 30, 90];
export const marginChoices: readonly string[] = ['15m', '1h', '6h', '1d', '7d'];
const DEFAULT_DAYS = 30;
const DEFAULT_MARGIN = '1h';

/** Reads the window from a query string; anything unusable falls back to the 30-day look-back. */
export function entityWindowFromSearch(search: string): EntityWindow {
  const q = new URLSearchParams(search);
  const at = Date.parse(q.get('at') ?? '');
  if (Number.isFinite(at)) {
    const margin = (v: string | null) => (v !== null && marginChoices.includes(v) ? v : DEFAULT_MARGIN);
    return { at, before: margin(q.get('before')), after: margin(q.get('after')) };
  }
  const days = Number(q.get('days'));
  return { days: lookBackChoices.includes(days) ? days : DEFAULT_DAYS };
}

/** The query string of a window, keeping the other parameters (the workspace) as they are. */
export function entityWindowSearch(search: string, window: EntityWindow): string {
  const q = new URLSearchParams(search);
  for (const k of ['at', 'before', 'after', 'days']) q.delete(k);
  if ('days' in window) {
    if (window.days !== DEFAULT_DAYS) q.set('days', String(window.days));
  } else {
    q.set('at', new Date(window.at).toISOString());
    q.set('before', window.before);
    q.set('after', window.after);
  }
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}

/** `YYYY-MM-DDTHH:mm` in local time, what an `<input type="datetime-local">` shows. */
export function localInputValue(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
