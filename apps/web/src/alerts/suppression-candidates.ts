// Field matches a "Suppress similar" form offers for one alert: each entity's ECS fields with its value.
import { obj, objects, str, strs } from '../admin/parse.ts';

export interface SuppressionCandidate {
  readonly field: string;
  readonly value: string;
  /** Ticked at first: the host and the user are what analysts usually scope a known-benign pattern by. */
  readonly preselected: boolean;
}

const PRESELECTED = new Set(['host', 'user']);

/**
 * From an alert as the API returns it (`entities[].{type, value, fields}`), one candidate per distinct
 * field; the first value seen for a field wins (a rule matches all listed fields, so one value each).
 * Example: `{entities: [{type: 'host', value: 'ws01', fields: ['host.name']}]}` → `[{field: 'host.name', value: 'ws01', preselected: true}]`.
 */
export function suppressionCandidates(alert: unknown): SuppressionCandidate[] {
  const out: SuppressionCandidate[] = [];
  for (const e of objects(obj(alert)['entities'])) {
    const value = str(e['value']);
    const type = str(e['type']) ?? '';
    if (value === undefined) continue;
    for (const field of strs(e['fields'])) {
      if (out.some((c) => c.field === field)) continue;
      out.push({ field, value, preselected: PRESELECTED.has(type) });
    }
  }
  return out;
}
