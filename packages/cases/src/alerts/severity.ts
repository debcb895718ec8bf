import { enumValue } from '../validation/enum-value.ts';

export const severities = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];

/** 0 (informational) … 4 (critical), for comparisons and sorting. */
export function severityRank(s: Severity): number {
  return severities.indexOf(s);
}

/** The higher of two severities. */
export function maxSeverity(a: Severity, b: Severity): Severity {
  return severityRank(a) >= severityRank(b) ? a : b;
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (severities as readonly string[]).includes(value);
}

/** Sigma `level` → severity; an absent or unknown level is `medium`. Example: severityFromLevel('HIGH') → 'high'. */
export function severityFromLevel(level: string | undefined): Severity {
  const lower = level?.trim().toLowerCase();
  if (lower === 'info') return 'informational';
  return isSeverity(lower) ? lower : 'medium';
}

/** Validates a severity sent by a caller; throws INVALID_SEVERITY (400) naming the field. */
export function parseSeverity(value: unknown, field = 'severity'): Severity {
  return enumValue(value, severities, field);
}
