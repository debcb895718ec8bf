// The SLA form's rows as text (what the inputs hold) and their conversion to the API's targets, with the
// same checks as the server so that a mistake is named before the round trip.

export const SLA_SEVERITIES = ['critical', 'high', 'medium', 'low', 'informational'] as const;

export interface SlaRow {
  /** Empty = no SLA for this severity. */
  readonly acknowledge: string;
  readonly resolve: string;
}

export type SlaRows = Readonly<Record<string, SlaRow>>;

export function rowsOf(
  targets: Readonly<Record<string, { acknowledgeMinutes: number; resolveMinutes: number }>>,
): SlaRows {
  const out: Record<string, SlaRow> = {};
  for (const s of SLA_SEVERITIES) {
    const t = targets[s];
    out[s] =
      t === undefined
        ? { acknowledge: '', resolve: '' }
        : { acknowledge: String(t.acknowledgeMinutes), resolve: String(t.resolveMinutes) };
  }
  return out;
}

const MAX = 365 * 24 * 60;

/** The targets to send, or the first problem (field and reason) found. */
export function targetsOf(
  rows: SlaRows,
): { targets: Record<string, { acknowledgeMinutes: number; resolveMinutes: number }> } | { problem: string } {
  const targets: Record<string, { acknowledgeMinutes: number; resolveMinutes: number }> = {};
  for (const s of SLA_SEVERITIES) {
    const row = rows[s];
    if (row === undefined || (row.acknowledge.trim() === '' && row.resolve.trim() === '')) continue;
    const ack = Number(row.acknowledge);
    const resolve = Number(row.resolve);
    for (const [n, what] of [
      [ack, 'acknowledge'],
      [resolve, 'resolve'],
    ] as const) {
      if (!Number.isInteger(n) || n < 1 || n > MAX)
        return { problem: `${s} ${what}: a whole number of minutes from 1 to ${MAX}` };
    }
    if (resolve < ack) return { problem: `${s} resolve: must be at least the acknowledge target` };
    targets[s] = { acknowledgeMinutes: ack, resolveMinutes: resolve };
  }
  return { targets };
}
