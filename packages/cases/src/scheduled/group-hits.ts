import { getField } from '@vigil/core';
import type { ScheduledTrigger } from './scheduled-rule.ts';

/** The events of one group of a run, aggregated for the trigger. */
export interface HitGroup {
  /** `groupBy` field → value (missing fields are null); empty for a rule without groupBy. */
  group: Record<string, unknown>;
  /** Events in the group. */
  count: number;
  /** The trigger function's value; undefined when no event had a numeric value for it. */
  value: number | undefined;
  firstSeenAt: number | undefined;
  lastSeenAt: number | undefined;
  /** The earliest and latest events plus the first few: what the alert shows and takes entities from. */
  samples: Record<string, unknown>[];
  /** `vigil.id` of the events, capped. */
  eventIds: string[];
}

const MAX_SAMPLES = 10;
const MAX_EVENT_IDS = 1000;

interface Acc {
  group: Record<string, unknown>;
  count: number;
  numbers: number;
  sum: number;
  min: number;
  max: number;
  distinct: Set<string>;
  first?: { at: number; event: Record<string, unknown> };
  last?: { at: number; event: Record<string, unknown> };
  samples: Record<string, unknown>[];
  eventIds: string[];
}

function timeOf(event: Record<string, unknown>): number | undefined {
  const ts = getField(event, '@timestamp');
  const ms = typeof ts === 'number' ? ts : typeof ts === 'string' ? Date.parse(ts) : Number.NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/**
 * Groups a run's events by the trigger's `groupBy` fields and computes count, the trigger function and
 * first/last seen per group. A rule without groupBy always yields one group (count 0 when nothing
 * matched), so "fewer than N events" triggers can fire.
 * Example: `groupHits(events, {kind:'count', fn:'count', operator:'gte', threshold:5, groupBy:['source.ip']})`.
 */
export function groupHits(events: Iterable<Record<string, unknown>>, trigger: ScheduledTrigger): HitGroup[] {
  const groups = new Map<string, Acc>();
  const field = trigger.kind === 'aggregate' ? trigger.field : undefined;
  const accFor = (group: Record<string, unknown>): Acc => {
    const key = JSON.stringify(trigger.groupBy.map((f) => group[f]));
    let acc = groups.get(key);
    if (acc === undefined) {
      acc = {
        group,
        count: 0,
        numbers: 0,
        sum: 0,
        min: Infinity,
        max: -Infinity,
        distinct: new Set(),
        samples: [],
        eventIds: [],
      };
      groups.set(key, acc);
    }
    return acc;
  };
  if (trigger.groupBy.length === 0) accFor({});
  for (const event of events) {
    const group: Record<string, unknown> = {};
    for (const f of trigger.groupBy) group[f] = scalar(getField(event, f));
    const acc = accFor(group);
    const fieldValue = field === undefined ? undefined : getField(event, field);
    if (trigger.fn === 'count' && field !== undefined && (fieldValue === undefined || fieldValue === null))
      continue;
    acc.count += 1;
    if (fieldValue !== undefined && fieldValue !== null) {
      acc.distinct.add(JSON.stringify(fieldValue));
      const n = numberOf(fieldValue);
      if (n !== undefined) {
        acc.numbers += 1;
        acc.sum += n;
        acc.min = Math.min(acc.min, n);
        acc.max = Math.max(acc.max, n);
      }
    }
    const at = timeOf(event);
    if (at !== undefined) {
      if (acc.first === undefined || at < acc.first.at) acc.first = { at, event };
      if (acc.last === undefined || at >= acc.last.at) acc.last = { at, event };
    }
    if (acc.samples.length < MAX_SAMPLES) acc.samples.push(event);
    const id = getField(event, 'vigil.id');
    if (typeof id === 'string' && acc.eventIds.length < MAX_EVENT_IDS) acc.eventIds.push(id);
  }
  return [...groups.values()].map((acc) => ({
    group: acc.group,
    count: acc.count,
    value: valueOf(acc, trigger),
    firstSeenAt: acc.first?.at,
    lastSeenAt: acc.last?.at,
    samples: withSpan(acc),
    eventIds: acc.eventIds,
  }));
}

function scalar(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

function valueOf(acc: Acc, trigger: ScheduledTrigger): number | undefined {
  switch (trigger.fn) {
    case 'count':
      return acc.count;
    case 'dc':
      return acc.distinct.size;
    case 'sum':
      return acc.numbers === 0 ? undefined : acc.sum;
    case 'avg':
      return acc.numbers === 0 ? undefined : acc.sum / acc.numbers;
    case 'min':
      return acc.numbers === 0 ? undefined : acc.min;
    case 'max':
      return acc.numbers === 0 ? undefined : acc.max;
  }
}

/** The samples with the earliest and latest events first, so the alert's first/last seen are right. */
function withSpan(acc: Acc): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const e of [acc.first?.event, acc.last?.event, ...acc.samples]) {
    if (e !== undefined && !out.includes(e)) out.push(e);
  }
  return out.slice(0, MAX_SAMPLES + 2);
}
