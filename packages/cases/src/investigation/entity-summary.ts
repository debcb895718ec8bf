import type { Alert } from '../alerts/alert.ts';
import type { EntityType } from '../alerts/entity.ts';
import type { Incident } from '../incidents/incident.ts';
import { storedEventId, eventMentionsEntity, storedEventTime } from './event-entities.ts';

/** The kinds that have an entity page. */
export const entityPageKinds = ['host', 'user', 'ip'] as const satisfies readonly EntityType[];
export type EntityPageKind = (typeof entityPageKinds)[number];

export interface EntitySummary {
  kind: EntityType;
  value: string;
  key: string;
  /** Earliest/latest event time seen in the looked-up range and the related alerts; absent when never seen. */
  firstSeenAt?: number;
  lastSeenAt?: number;
  alerts: Pick<Alert, 'id' | 'title' | 'severity' | 'status' | 'firstSeenAt' | 'lastSeenAt' | 'incidentId'>[];
  incidents: Pick<Incident, 'id' | 'title' | 'severity' | 'status' | 'firstSeenAt' | 'lastSeenAt'>[];
  /** Newest first. */
  recentEvents: Record<string, unknown>[];
}

export interface EntitySummaryInput {
  kind: EntityType;
  value: string;
  /** Candidate events (newest or any order); only those naming the entity count. */
  recentEvents: readonly Record<string, unknown>[];
  /** The oldest event naming the entity that the caller found, if any. */
  firstEvent?: Record<string, unknown>;
  alerts: readonly Alert[];
  incidents: readonly Incident[];
  recentLimit: number;
}

/**
 * What an entity page shows: related alerts and incidents, recent events, first and last seen.
 * Example: `summariseEntity({kind: 'host', value: 'ws01', …}).lastSeenAt` is the newest event or alert time.
 */
export function summariseEntity(input: EntitySummaryInput): EntitySummary {
  const { kind, value } = input;
  const key = `${kind}:${value}`;
  const seen = new Set<string>();
  const recent = input.recentEvents
    .filter((e) => {
      const id = storedEventId(e);
      if (seen.has(id) || !eventMentionsEntity(e, kind, value)) return false;
      seen.add(id);
      return true;
    })
    .sort((a, b) => storedEventTime(b) - storedEventTime(a));
  const times = [...recent, ...(input.firstEvent === undefined ? [] : [input.firstEvent])]
    .filter((e) => eventMentionsEntity(e, kind, value))
    .map(storedEventTime)
    .concat(input.alerts.flatMap((a) => [a.firstSeenAt, a.lastSeenAt]))
    .filter((t) => Number.isFinite(t));
  const byLastSeen = <T extends { lastSeenAt: number; id: string }>(a: T, b: T) =>
    b.lastSeenAt - a.lastSeenAt || (a.id < b.id ? -1 : 1);
  return {
    kind,
    value,
    key,
    ...(times.length === 0 ? {} : { firstSeenAt: Math.min(...times), lastSeenAt: Math.max(...times) }),
    alerts: [...input.alerts].sort(byLastSeen).map((a) => ({
      id: a.id,
      title: a.title,
      severity: a.severity,
      status: a.status,
      firstSeenAt: a.firstSeenAt,
      lastSeenAt: a.lastSeenAt,
      ...(a.incidentId === undefined ? {} : { incidentId: a.incidentId }),
    })),
    incidents: [...input.incidents].sort(byLastSeen).map((i) => ({
      id: i.id,
      title: i.title,
      severity: i.severity,
      status: i.status,
      firstSeenAt: i.firstSeenAt,
      lastSeenAt: i.lastSeenAt,
    })),
    recentEvents: recent.slice(0, Math.max(0, input.recentLimit)),
  };
}
