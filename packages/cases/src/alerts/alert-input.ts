import type { Problem } from '@vigil/core';
import type { Detection } from './detection.ts';
import { isSeverity, severities } from './severity.ts';

/** An alert sent through the API or read from an import file, checked field by field. */
export type AlertInputResult = { ok: true; detection: Detection } | { ok: false; problems: Problem[] };

const maxEvents = 1000;

/**
 * Validates an API/import alert (`{title, severity?, description?, ruleId?, tags?, events?, eventIds?,
 * time?, dataSource?, confidence?}`) into a Detection of kind `api` or `import`, so it goes through the
 * same exceptions, suppression and dedup as detections. Returns every problem, each naming its field.
 * Example: `alertInput('ws1', {title: 'EDR: ransomware', severity: 'critical'}, 'api', now)`.
 */
export function alertInput(
  workspace: string,
  input: unknown,
  kind: 'api' | 'import',
  now: number,
  where = '',
): AlertInputResult {
  const problems: Problem[] = [];
  const at = (field: string): string => (where === '' ? field : `${where}.${field}`);
  const bad = (field: string, message: string): void => {
    problems.push({ where: at(field), message });
  };
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, problems: [{ where: where || '(body)', message: 'expected a JSON object' }] };
  }
  const o = input as Record<string, unknown>;
  const str = (field: string, max: number, required = false): string | undefined => {
    const v = o[field];
    if (v === undefined || v === null) {
      if (required) bad(field, 'is required');
      return undefined;
    }
    if (typeof v !== 'string' || v.trim() === '' || v.length > max) {
      bad(field, `expected a non-empty string of at most ${max} characters`);
      return undefined;
    }
    return v.trim();
  };
  const title = str('title', 300, true);
  const description = str('description', 10_000);
  const ruleId = str('ruleId', 200);
  const dataSource = str('dataSource', 200);
  const severity = o['severity'];
  if (severity !== undefined && !isSeverity(severity))
    bad('severity', `expected one of ${severities.join(', ')}`);
  const tags = o['tags'];
  if (tags !== undefined && !(Array.isArray(tags) && tags.every((t) => typeof t === 'string'))) {
    bad('tags', 'expected a list of strings such as "attack.t1059.001"');
  }
  const events = o['events'];
  if (
    events !== undefined &&
    !(
      Array.isArray(events) &&
      events.length <= maxEvents &&
      events.every((e) => e !== null && typeof e === 'object' && !Array.isArray(e))
    )
  ) {
    bad('events', `expected a list of at most ${maxEvents} event objects`);
  }
  const eventIds = o['eventIds'];
  if (eventIds !== undefined && !(Array.isArray(eventIds) && eventIds.every((e) => typeof e === 'string'))) {
    bad('eventIds', 'expected a list of event ids');
  }
  const confidence = o['confidence'];
  if (confidence !== undefined && !(typeof confidence === 'number' && confidence >= 0 && confidence <= 100)) {
    bad('confidence', 'expected a number from 0 to 100');
  }
  let time = now;
  const rawTime = o['time'];
  if (rawTime !== undefined) {
    const ms = typeof rawTime === 'string' ? Date.parse(rawTime) : Number.NaN;
    if (Number.isFinite(ms)) time = ms;
    else bad('time', 'expected an ISO-8601 time');
  }
  if (problems.length > 0 || title === undefined) return { ok: false, problems };
  const detection: Detection = {
    workspace,
    rule: {
      id: ruleId ?? `${kind}:${title.toLowerCase()}`,
      title,
      level: isSeverity(severity) ? severity : 'medium',
      tags: Array.isArray(tags) ? (tags as string[]) : [],
    },
    kind,
    events: Array.isArray(events) ? (events as Record<string, unknown>[]) : [],
    time,
  };
  if (description !== undefined) detection.rule.description = description;
  if (dataSource !== undefined) detection.dataSource = dataSource;
  if (Array.isArray(eventIds)) detection.eventIds = eventIds as string[];
  if (typeof confidence === 'number') detection.confidence = confidence;
  return { ok: true, detection };
}
