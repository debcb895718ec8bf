/** Why an alert is in an incident. */
export const provenanceKinds = ['entity', 'progression', 'severity', 'manual', 'merge', 'split'] as const;
export type ProvenanceKind = (typeof provenanceKinds)[number];

export interface GroupingProvenance {
  kind: ProvenanceKind;
  /** The alert this explains. */
  alertId: string;
  /** The alert it was grouped with. */
  relatedAlertId?: string;
  /** The shared entity key (`host:ws01`). */
  entity?: string;
  windowMs?: number;
  /** ATT&CK progression: earlier alert's tactic → this alert's tactic. */
  fromTactic?: string;
  toTactic?: string;
  /** Merge/split: the incident it came from. */
  fromIncidentId?: string;
  at: number;
  actor: string;
  /** Human-readable, e.g. "grouped because host ws01 shared with alert a-1 within 2h". */
  reason: string;
}

/** `7_200_000` → `2h`; `90_000` → `1m30s`. */
export function formatDuration(ms: number): string {
  const units: [string, number][] = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ];
  let rest = Math.max(0, Math.round(ms));
  let out = '';
  for (const [name, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${name}`;
    rest -= n * size;
  }
  return out === '' ? '0s' : out;
}
