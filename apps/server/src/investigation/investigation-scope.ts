import type { EventStore } from '@vigil/core';
import {
  alertNotFound,
  assembleTimeline,
  buildInvestigationGraph,
  incidentNotFound,
  investigationWindow,
  windowDuration,
  type Alert,
  type InvestigationGraph,
  type Timeline,
} from '@vigil/cases';
import type { CasesRuntime } from '../alerts/cases-runtime.ts';
import { entitiesFilter, eventsAroundMiddle, focusEntities, linkedEvents } from './investigation-events.ts';

/** Alerts of one incident read at once: the views are about the case, not every repeat of it. */
const maxIncidentAlerts = 200;
/** Events one graph counts. */
const maxGraphEvents = 1000;

/** What a timeline or graph is about: alerts and the event-time span they cover. */
export interface InvestigationScope {
  workspace: string;
  alerts: Alert[];
  firstSeenAt: number;
  lastSeenAt: number;
}

export async function alertScope(
  cases: CasesRuntime,
  workspace: string,
  id: string,
): Promise<InvestigationScope> {
  const alert = await cases.alerts.get(workspace, id);
  if (alert === undefined) throw alertNotFound(workspace, id);
  return { workspace, alerts: [alert], firstSeenAt: alert.firstSeenAt, lastSeenAt: alert.lastSeenAt };
}

export async function incidentScope(
  cases: CasesRuntime,
  workspace: string,
  id: string,
): Promise<InvestigationScope> {
  const incident = await cases.incidents.get(workspace, id);
  if (incident === undefined) throw incidentNotFound(workspace, id);
  const alerts = await cases.alerts.getMany(workspace, incident.alertIds.slice(0, maxIncidentAlerts));
  return { workspace, alerts, firstSeenAt: incident.firstSeenAt, lastSeenAt: incident.lastSeenAt };
}

export interface WindowQuery {
  before?: string;
  after?: string;
}

/** The scope's events: linked ones, and ones naming its entities nearest the middle of the window. */
async function scopeEvents(store: EventStore, scope: InvestigationScope, q: WindowQuery, limit: number) {
  const { from, to, clipped } = investigationWindow(
    scope,
    windowDuration(q.before, 'before'),
    windowDuration(q.after, 'after'),
  );
  const w = { workspace: scope.workspace, from, to };
  const [linked, around] = await Promise.all([
    linkedEvents(
      store,
      w,
      scope.alerts.flatMap((a) => a.eventIds),
    ),
    eventsAroundMiddle(
      store,
      w,
      entitiesFilter(focusEntities(scope.alerts.flatMap((a) => a.entities))),
      limit,
    ),
  ]);
  return {
    from,
    to,
    events: [...linked.events, ...around.events],
    truncated: clipped || linked.truncated || around.truncated,
  };
}

export async function scopeTimeline(
  store: EventStore,
  scope: InvestigationScope,
  q: WindowQuery,
  limit: number,
): Promise<Timeline> {
  // Read a little more than asked: the exact entity check drops some of the store's candidates.
  const read = await scopeEvents(store, scope, q, limit + 50);
  return assembleTimeline({
    from: read.from,
    to: read.to,
    events: read.events,
    alerts: scope.alerts,
    limit,
    storeTruncated: read.truncated,
  });
}

export async function scopeGraph(
  store: EventStore,
  scope: InvestigationScope,
  q: WindowQuery,
  maxNodes: number,
): Promise<InvestigationGraph & { from: number; to: number }> {
  const read = await scopeEvents(store, scope, q, maxGraphEvents);
  // The timeline's relatedness check drops the store filter's false candidates before counting.
  const related = assembleTimeline({ ...read, alerts: scope.alerts, limit: maxGraphEvents });
  const graph = buildInvestigationGraph({
    alerts: scope.alerts,
    events: related.entries.map((e) => e.event),
    maxNodes,
    storeTruncated: related.truncated,
  });
  return { from: read.from, to: read.to, ...graph };
}
