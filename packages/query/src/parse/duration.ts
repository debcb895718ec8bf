const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Longest span or relative offset accepted: ten years. */
const MAX_MS = 3650 * 86_400_000;

/** Parses `30s`, `5m`, `1h`, `7d` into milliseconds; undefined when malformed or out of range. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d{1,7})([smhdSMHD])$/.exec(text);
  if (m === null) return undefined;
  const ms = Number(m[1]) * (UNIT_MS[(m[2] ?? '').toLowerCase()] ?? 0);
  return ms > 0 && ms <= MAX_MS ? ms : undefined;
}
