import { userError } from '@vigil/core';
import { severities, type Severity } from '../alerts/severity.ts';
import type { SlaPolicy } from './incident-sla.ts';

/** One severity's targets as the API takes them: whole minutes from incident creation. */
export interface SlaTargetMinutes {
  acknowledgeMinutes: number;
  resolveMinutes: number;
}

export type SlaPolicyMinutes = Partial<Record<Severity, SlaTargetMinutes>>;

/** A year: a longer target is a typo, not a policy. */
export const MAX_SLA_MINUTES = 365 * 24 * 60;

const MINUTE_MS = 60_000;

function invalid(field: string, reason: string) {
  return userError('INVALID_SLA_POLICY', `${field}: ${reason}`, { status: 400, details: { field } });
}

function minutes(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw invalid(field, 'must be a whole number of minutes');
  if (value < 1) throw invalid(field, 'must be positive');
  if (value > MAX_SLA_MINUTES) throw invalid(field, `must be at most ${MAX_SLA_MINUTES} (one year)`);
  return value;
}

/**
 * Validates an SLA policy given in minutes and converts it to the domain's milliseconds. A severity
 * left out has no SLA. Throws INVALID_SLA_POLICY naming the first bad field.
 * Example: `slaPolicyFromMinutes({ high: { acknowledgeMinutes: 30, resolveMinutes: 480 } })`.
 */
export function slaPolicyFromMinutes(input: Readonly<Record<string, unknown>>): SlaPolicy {
  const policy: SlaPolicy = {};
  for (const [key, value] of Object.entries(input)) {
    if (!(severities as readonly string[]).includes(key)) {
      throw invalid(`targets.${key}`, `unknown severity (one of ${severities.join(', ')})`);
    }
    const severity = key as Severity;
    if (value === null || typeof value !== 'object') throw invalid(`targets.${key}`, 'must be an object');
    const target = value as Record<string, unknown>;
    const ack = minutes(target['acknowledgeMinutes'], `targets.${key}.acknowledgeMinutes`);
    const resolve = minutes(target['resolveMinutes'], `targets.${key}.resolveMinutes`);
    if (resolve < ack) {
      throw invalid(`targets.${key}.resolveMinutes`, 'must be at least acknowledgeMinutes');
    }
    policy[severity] = { acknowledgeMs: ack * MINUTE_MS, resolveMs: resolve * MINUTE_MS };
  }
  return policy;
}

/** The domain policy in the API's minutes (rounded up, so a stored target is never shown shorter). */
export function slaPolicyToMinutes(policy: SlaPolicy): SlaPolicyMinutes {
  const out: SlaPolicyMinutes = {};
  for (const s of severities) {
    const t = policy[s];
    if (t === undefined) continue;
    out[s] = {
      acknowledgeMinutes: Math.ceil(t.acknowledgeMs / MINUTE_MS),
      resolveMinutes: Math.ceil(t.resolveMs / MINUTE_MS),
    };
  }
  return out;
}
