// The search time range: a relative preset ("last 24 hours", resolved at each run) or an absolute range
// typed in local time. Pure, so it is unit-tested without a browser.

export const PRESETS = [
  { id: '15m', label: 'Last 15 minutes', ms: 15 * 60_000 },
  { id: '1h', label: 'Last hour', ms: 3_600_000 },
  { id: '24h', label: 'Last 24 hours', ms: 86_400_000 },
  { id: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { id: '30d', label: 'Last 30 days', ms: 30 * 86_400_000 },
] as const;

export type PresetId = (typeof PRESETS)[number]['id'];

export type TimeRange =
  | { readonly kind: 'relative'; readonly preset: PresetId }
  | { readonly kind: 'absolute'; readonly from: string; readonly to: string };

export type ResolvedRange =
  | { readonly ok: true; readonly from: string; readonly to: string }
  | { readonly ok: false; readonly message: string };

/** ISO-8601 bounds for the API; absolute inputs are `datetime-local` values (local time). */
export function resolveRange(range: TimeRange, now: number): ResolvedRange {
  if (range.kind === 'relative') {
    const preset = PRESETS.find((p) => p.id === range.preset) ?? PRESETS[2];
    return { ok: true, from: new Date(now - preset.ms).toISOString(), to: new Date(now).toISOString() };
  }
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  if (Number.isNaN(from) || Number.isNaN(to))
    return { ok: false, message: 'Enter both the start and the end.' };
  if (to <= from) return { ok: false, message: 'The end must be after the start.' };
  return { ok: true, from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** A `datetime-local` value (minutes, local time) for an instant. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
