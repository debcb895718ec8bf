import type { Problem } from '@vigil/core';
import { isSeverity, severities } from '../alerts/severity.ts';
import type { ScheduledQueryCheck } from './scheduled-query-check.port.ts';
import {
  alertGroupings,
  SCHEDULED_LIMITS,
  triggerFunctions,
  triggerKinds,
  triggerOperators,
  type ScheduledRule,
  type ScheduledTrigger,
} from './scheduled-rule.ts';

export type ScheduledRuleInputResult = { ok: true; rule: ScheduledRule } | { ok: false; problems: Problem[] };

const FIELD_NAME = /^[@A-Za-z_][A-Za-z0-9_.@-]{0,199}$/;
const DATA_SPACE = /^[a-z0-9-]{1,64}$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Validates a scheduled rule sent by a caller, returning every problem with the field it concerns
 * (`query` problems carry the offset). Defaults: look-back = interval, delay 0, severity medium,
 * grouping per-run, no suppression, enabled, not simulated.
 * Example: `scheduledRuleInput({name:'x', query:'event.outcome:failure', intervalSeconds:300,
 * trigger:{kind:'count', operator:'gte', threshold:10}}, check)`.
 */
export function scheduledRuleInput(
  input: unknown,
  checkQuery: ScheduledQueryCheck,
): ScheduledRuleInputResult {
  if (!isObj(input)) return { ok: false, problems: [{ where: '(body)', message: 'expected a JSON object' }] };
  const problems: Problem[] = [];
  const bad = (where: string, message: string, offset?: number): void => {
    problems.push(offset === undefined ? { where, message } : { where, message, offset });
  };
  const text = (field: string, max: number, required: boolean): string | undefined => {
    const v = input[field];
    if (v === undefined) {
      if (required) bad(field, 'is required');
      return undefined;
    }
    if (typeof v !== 'string' || (required && v.trim() === '') || v.length > max) {
      bad(field, `expected a${required ? ' non-empty' : ''} string of at most ${max} characters`);
      return undefined;
    }
    return v.trim();
  };
  const seconds = (field: string, min: number, max: number, fallback?: number): number | undefined => {
    const v = input[field] ?? fallback;
    if (v === undefined) {
      bad(field, 'is required');
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      bad(field, `expected whole seconds from ${min} to ${max}`);
      return undefined;
    }
    return v;
  };
  const bool = (field: string, fallback: boolean): boolean => {
    const v = input[field];
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') bad(field, 'expected true or false');
    return v === true;
  };
  const name = text('name', 200, true);
  const description = text('description', 10_000, false) ?? '';
  const query = text('query', 10_000, true);
  if (query !== undefined) {
    for (const p of checkQuery(query)) bad('query', p.message, p.offset);
  }
  const L = SCHEDULED_LIMITS;
  const interval = seconds('intervalSeconds', L.minIntervalSeconds, L.maxIntervalSeconds);
  // Without a usable interval there is no default look-back: only the interval is reported.
  const lookback =
    input['lookbackSeconds'] === undefined && interval === undefined
      ? undefined
      : seconds('lookbackSeconds', 1, L.maxLookbackSeconds, interval);
  if (interval !== undefined && lookback !== undefined && lookback < interval) {
    bad('lookbackSeconds', `must be at least the interval (${interval} s), or events would go unqueried`);
  }
  const delay = seconds('delaySeconds', 0, L.maxDelaySeconds, 0);
  const suppression = seconds('suppressionSeconds', 0, L.maxSuppressionSeconds, 0);
  const severity = input['severity'] ?? 'medium';
  if (!isSeverity(severity)) bad('severity', `expected one of ${severities.join(', ')}`);
  const grouping = input['grouping'] ?? 'per-run';
  if (!(alertGroupings as readonly unknown[]).includes(grouping)) {
    bad('grouping', `expected one of ${alertGroupings.join(', ')}`);
  }
  const dataSpaces = stringList(input['dataSpaces'], 'dataSpaces', 100, (s) => DATA_SPACE.test(s), bad);
  const tags = stringList(input['tags'], 'tags', L.maxTags, (s) => s.length > 0 && s.length <= 200, bad);
  const enabled = bool('enabled', true);
  const simulation = bool('simulation', false);
  const trigger = triggerInput(input['trigger'], bad);
  if (
    problems.length > 0 ||
    name === undefined ||
    query === undefined ||
    interval === undefined ||
    lookback === undefined ||
    delay === undefined ||
    suppression === undefined ||
    trigger === undefined ||
    !isSeverity(severity)
  ) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    rule: {
      name,
      description,
      query,
      dataSpaces,
      intervalSeconds: interval,
      lookbackSeconds: lookback,
      delaySeconds: delay,
      trigger,
      severity,
      grouping: grouping === 'per-group' ? 'per-group' : 'per-run',
      suppressionSeconds: suppression,
      enabled,
      simulation,
      tags,
    },
  };
}

function stringList(
  value: unknown,
  field: string,
  max: number,
  valid: (s: string) => boolean,
  bad: (where: string, message: string) => void,
): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > max) {
    bad(field, `expected a list of at most ${max} strings`);
    return [];
  }
  const out: string[] = [];
  value.forEach((v, i) => {
    if (typeof v === 'string' && valid(v)) out.push(v);
    else bad(`${field}[${i}]`, `${JSON.stringify(v)} is not valid here`);
  });
  return [...new Set(out)];
}

function triggerInput(
  value: unknown,
  bad: (where: string, message: string) => void,
): ScheduledTrigger | undefined {
  if (value === undefined) {
    bad('trigger', 'is required');
    return undefined;
  }
  if (!isObj(value)) {
    bad('trigger', 'expected an object {kind, operator, threshold, fn?, field?, groupBy?}');
    return undefined;
  }
  let ok = true;
  const fail = (where: string, message: string): void => {
    ok = false;
    bad(`trigger.${where}`, message);
  };
  const kind = value['kind'];
  if (!(triggerKinds as readonly unknown[]).includes(kind))
    fail('kind', `expected one of ${triggerKinds.join(', ')}`);
  const fn = value['fn'] ?? 'count';
  if (!(triggerFunctions as readonly unknown[]).includes(fn)) {
    fail('fn', `expected one of ${triggerFunctions.join(', ')}`);
  } else if (kind === 'count' && fn !== 'count') {
    fail('fn', 'a count trigger counts events: use kind "aggregate" for other functions');
  }
  const field = value['field'];
  if (field !== undefined && !(typeof field === 'string' && FIELD_NAME.test(field))) {
    fail('field', 'expected a field name such as "destination.port"');
  } else if (kind === 'aggregate' && fn !== 'count' && field === undefined) {
    fail('field', `is required for ${typeof fn === 'string' ? fn : 'this function'}()`);
  }
  const operator = value['operator'];
  if (!(triggerOperators as readonly unknown[]).includes(operator)) {
    fail('operator', `expected one of ${triggerOperators.join(', ')}`);
  }
  const threshold = value['threshold'];
  if (typeof threshold !== 'number' || !Number.isFinite(threshold)) fail('threshold', 'expected a number');
  const groupBy = value['groupBy'] ?? [];
  if (!Array.isArray(groupBy) || groupBy.length > SCHEDULED_LIMITS.maxGroupBy) {
    fail('groupBy', `expected a list of at most ${SCHEDULED_LIMITS.maxGroupBy} field names`);
  } else {
    groupBy.forEach((g, i) => {
      if (!(typeof g === 'string' && FIELD_NAME.test(g))) fail(`groupBy[${i}]`, 'expected a field name');
    });
  }
  if (!ok) return undefined;
  const trigger: ScheduledTrigger = {
    kind: kind as ScheduledTrigger['kind'],
    fn: fn as ScheduledTrigger['fn'],
    operator: operator as ScheduledTrigger['operator'],
    threshold: threshold as number,
    groupBy: [...new Set(groupBy as string[])],
  };
  // count(field) counts the events that have the field; a count trigger counts every event.
  if (typeof field === 'string' && kind === 'aggregate') trigger.field = field;
  return trigger;
}
