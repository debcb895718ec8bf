const unitMs: Readonly<Record<string, number>> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  // Not in the spec's list (s m h d) but accepted by pySigma: weeks are a fixed length;
  // months and years use pySigma's average lengths (30.436875 d and 365.2425 d).
  w: 604_800_000,
  M: 2_629_746_000,
  y: 31_556_952_000,
};

/**
 * Parses a Sigma correlation timespan (`number + unit`, e.g. `30s`, `5m`, `1h`, `2d`) into
 * milliseconds, or returns the reason it is invalid.
 * Example: `parseTimespan('90m')` → `{ ms: 5400000 }`.
 */
export function parseTimespan(raw: unknown): { ms: number } | { error: string } {
  if (typeof raw !== 'string') {
    return { error: `${JSON.stringify(raw)} is not a timespan such as 30s, 5m, 1h or 2d` };
  }
  const m = /^(\d+)([smhdwMy])$/.exec(raw.trim());
  const unit = m?.[2];
  if (m === null || unit === undefined) {
    return { error: `'${raw}' is not a timespan: use a number and a unit s, m, h, d (or w, M, y), e.g. 90m` };
  }
  const count = Number(m[1]);
  if (count <= 0 || !Number.isSafeInteger(count))
    return { error: `timespan '${raw}' must be greater than zero` };
  const ms = count * (unitMs[unit] ?? 0);
  if (!Number.isSafeInteger(ms)) return { error: `timespan '${raw}' is too long` };
  return { ms };
}
