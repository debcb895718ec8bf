import { getField } from '@vigil/core';
import type { Detection } from './detection.ts';

/** Default dedup group fields: one alert per rule, host and user within the window. */
export const defaultDedupFields: readonly string[] = ['host.name', 'user.name'];

function keyPart(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim().toLowerCase();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * The dedup key of a detection: rule id + the values of the group fields (case-folded), read from the
 * correlation's group values first, then from the first event. Missing fields count as empty.
 * Example: `alertDedupKey(d)` → `'rule-1|host.name=ws01|user.name=alice'`.
 */
export function alertDedupKey(detection: Detection, fields: readonly string[] = defaultDedupFields): string {
  const event = detection.events[0];
  const parts = fields.map((field) => {
    const fromGroup = detection.group?.[field];
    const value = fromGroup ?? (event === undefined ? undefined : getField(event, field));
    return `${field}=${keyPart(value)}`;
  });
  return [detection.rule.id, ...parts].join('|');
}
