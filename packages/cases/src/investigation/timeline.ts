import type { InvestigationAlert } from './investigation-alert.ts';
import { eventEntities, storedEventId, storedEventTime } from './event-entities.ts';

/** Most rows one timeline answers; callers may ask for fewer. */
export const maxTimelineEvents = 1000;

/** One row of a timeline: the stored event and why it is there. */
export interface TimelineEntry {
  id: string;
  /** Event time, epoch ms. */
  at: number;
  /** Alerts that link this event (their `eventIds`). */
  alertIds: string[];
  /** Keys of the focus entities (the alerts' or the entity page's) the event names. */
  entityKeys: string[];
  event: Record<string, unknown>;
}

export interface Timeline {
  from: number;
  to: number;
  entries: TimelineEntry[];
  /** True when more events fell in the window than `limit` (or the store stopped early). */
  truncated: boolean;
}

export interface TimelineInput {
  from: number;
  to: number;
  /** Candidate events (duplicates and events outside the window are dropped). */
  events: readonly Record<string, unknown>[];
  alerts: readonly InvestigationAlert[];
  /** Entity keys that make an event relevant; default: every entity of the alerts. */
  focusKeys?: readonly string[];
  limit: number;
  /** The store had more candidates than it returned. */
  storeTruncated?: boolean;
}

/**
 * Orders the events of a window around alerts or an entity, oldest first, each tagged with the alerts
 * and focus entities it relates to. Events relating to neither are dropped (the store filter is a
 * superset). When over `limit`, alert-linked events are kept first, then the ones nearest the middle.
 */
export function assembleTimeline(input: TimelineInput): Timeline {
  const linkedBy = new Map<string, string[]>();
  for (const alert of input.alerts) {
    for (const id of alert.eventIds) linkedBy.set(id, [...(linkedBy.get(id) ?? []), alert.id]);
  }
  const focus = new Set(input.focusKeys ?? input.alerts.flatMap((a) => a.entities.map((e) => e.key)));
  const seen = new Set<string>();
  const entries: TimelineEntry[] = [];
  for (const event of input.events) {
    const id = storedEventId(event);
    const at = storedEventTime(event);
    if (id === '' || seen.has(id) || !(at >= input.from && at < input.to)) continue;
    seen.add(id);
    const entityKeys = eventEntities(event)
      .map((e) => e.key)
      .filter((k) => focus.has(k));
    const alertIds = linkedBy.get(id) ?? [];
    if (alertIds.length === 0 && entityKeys.length === 0) continue;
    entries.push({ id, at, alertIds, entityKeys, event });
  }
  const limit = Math.max(0, Math.min(input.limit, maxTimelineEvents));
  let kept = entries;
  if (entries.length > limit) {
    const middle = (input.from + input.to) / 2;
    kept = [...entries]
      .sort(
        (a, b) =>
          Number(b.alertIds.length > 0) - Number(a.alertIds.length > 0) ||
          Math.abs(a.at - middle) - Math.abs(b.at - middle),
      )
      .slice(0, limit);
  }
  kept.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    from: input.from,
    to: input.to,
    entries: kept,
    truncated: entries.length > limit || input.storeTruncated === true,
  };
}
