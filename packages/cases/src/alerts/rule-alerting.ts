import { userError } from '@vigil/core';
import type { DedupPolicy } from '../aggregation/alert-aggregator.ts';

/** A rule's alerting settings, kept apart from the rule text so they survive rule updates. */
export interface RuleAlerting {
  ruleId: string;
  /** Fields whose values, with the rule id, form the dedup key (empty = one alert per rule and window). */
  dedupFields: string[];
  /** How long after an alert is created repeats fold into it. */
  dedupWindowSeconds: number;
  updatedAt: number;
  updatedBy: string;
}

export const MAX_DEDUP_FIELDS = 8;
export const MIN_DEDUP_WINDOW_SECONDS = 60;
/** A week: longer windows would hide a recurrence behind an alert nobody looks at any more. */
export const MAX_DEDUP_WINDOW_SECONDS = 7 * 86_400;

const FIELD = /^[A-Za-z0-9_@][A-Za-z0-9_.@-]{0,199}$/;

function invalid(field: string, reason: string) {
  return userError('INVALID_RULE_ALERTING', `${field}: ${reason}`, { status: 400, details: { field } });
}

/**
 * Validates alerting settings (field paths, window bounds); duplicate fields are dropped, order kept.
 * Example: `ruleAlertingInput({ dedupFields: ['source.ip'], dedupWindowSeconds: 600 })`.
 */
export function ruleAlertingInput(input: { dedupFields: readonly string[]; dedupWindowSeconds: number }): {
  dedupFields: string[];
  dedupWindowSeconds: number;
} {
  const fields = [...new Set(input.dedupFields.map((f) => f.trim()))];
  if (fields.length > MAX_DEDUP_FIELDS) throw invalid('dedupFields', `at most ${MAX_DEDUP_FIELDS} fields`);
  const bad = fields.find((f) => !FIELD.test(f) || f.includes('..') || f.endsWith('.'));
  if (bad !== undefined)
    throw invalid('dedupFields', `${JSON.stringify(bad)} is not a field path like host.name`);
  const w = input.dedupWindowSeconds;
  if (!Number.isInteger(w) || w < MIN_DEDUP_WINDOW_SECONDS || w > MAX_DEDUP_WINDOW_SECONDS) {
    throw invalid(
      'dedupWindowSeconds',
      `must be a whole number of seconds from ${MIN_DEDUP_WINDOW_SECONDS} to ${MAX_DEDUP_WINDOW_SECONDS}`,
    );
  }
  return { dedupFields: fields, dedupWindowSeconds: w };
}

/** The aggregator's view of the settings. */
export function dedupPolicyOf(
  settings: Pick<RuleAlerting, 'dedupFields' | 'dedupWindowSeconds'>,
): DedupPolicy {
  return { groupFields: settings.dedupFields, windowMs: settings.dedupWindowSeconds * 1000 };
}
