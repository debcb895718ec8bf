import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { parseTime, type EventStore } from '@vigil/core';
import {
  buildInvestigationGraph,
  entityPageKinds,
  entityPageWindow,
  entityRef,
  eventMentionsEntity,
  invalidInvestigationInput,
  maxInvestigationWindowMs,
} from '@vigil/cases';
import type { CasesRuntime } from '../alerts/cases-runtime.ts';
import { entitiesFilter, matchingEvents } from './investigation-events.ts';
import { alertScope, incidentScope, scopeGraph, scopeTimeline } from './investigation-scope.ts';
import { entityPage } from './entity-page.ts';
import {
  AlertParams,
  EntityParams,
  EntityQuery,
  EntityReply,
  ExpandBody,
  GraphQuery,
  GraphReply,
  IncidentParams,
  TimelineQuery,
  TimelineReply,
  WorkspaceParams,
} from './investigation.schema.ts';

export interface InvestigationDeps {
  cases: CasesRuntime;
  events: EventStore;
}

const ws = '/api/v1/workspaces/:workspaceId';

/** `?limit=` (digits, checked by the schema) within 1..max. */
function limitOf(value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (n < 1 || n > max) throw invalidInvestigationInput('limit', `expected 1..${max}`);
  return n;
}

/**
 * Investigation views (issue 5): event timelines and entity graphs around an alert or an incident, graph
 * expansion from one node, and entity pages. Every read is scoped to the workspace of the URL.
 */
export function registerInvestigationRoutes(app: FastifyInstance, deps: InvestigationDeps): void {
  const { cases, events } = deps;

  app.get<{ Params: Static<typeof AlertParams>; Querystring: TimelineQuery }>(
    `${ws}/alerts/:alertId/timeline`,
    {
      config: { permission: 'alerts.read', summary: 'Events around an alert (±before/after), oldest first' },
      schema: { params: AlertParams, querystring: TimelineQuery, response: { 200: TimelineReply } },
    },
    async (request) => {
      const scope = await alertScope(cases, request.params.workspaceId, request.params.alertId);
      return scopeTimeline(events, scope, request.query, limitOf(request.query.limit, 200, 1000));
    },
  );

  app.get<{ Params: Static<typeof IncidentParams>; Querystring: TimelineQuery }>(
    `${ws}/incidents/:incidentId/timeline`,
    {
      config: {
        permission: 'incidents.read',
        summary: "Events around an incident's alerts (±before/after), oldest first",
      },
      schema: { params: IncidentParams, querystring: TimelineQuery, response: { 200: TimelineReply } },
    },
    async (request) => {
      const scope = await incidentScope(cases, request.params.workspaceId, request.params.incidentId);
      return scopeTimeline(events, scope, request.query, limitOf(request.query.limit, 200, 1000));
    },
  );

  app.get<{ Params: Static<typeof AlertParams>; Querystring: GraphQuery }>(
    `${ws}/alerts/:alertId/graph`,
    {
      config: { permission: 'alerts.read', summary: 'Entity graph of an alert and the events around it' },
      schema: { params: AlertParams, querystring: GraphQuery, response: { 200: GraphReply } },
    },
    async (request) => {
      const scope = await alertScope(cases, request.params.workspaceId, request.params.alertId);
      return scopeGraph(events, scope, request.query, limitOf(request.query.limit, 150, 300));
    },
  );

  app.get<{ Params: Static<typeof IncidentParams>; Querystring: GraphQuery }>(
    `${ws}/incidents/:incidentId/graph`,
    {
      config: {
        permission: 'incidents.read',
        summary: "Entity graph of an incident's alerts and the events around them",
      },
      schema: { params: IncidentParams, querystring: GraphQuery, response: { 200: GraphReply } },
    },
    async (request) => {
      const scope = await incidentScope(cases, request.params.workspaceId, request.params.incidentId);
      return scopeGraph(events, scope, request.query, limitOf(request.query.limit, 150, 300));
    },
  );

  app.post<{ Params: Static<typeof WorkspaceParams>; Body: ExpandBody }>(
    `${ws}/graph/expand`,
    {
      config: {
        permission: 'incidents.read',
        summary: 'Expand a graph node: nodes and edges from more events naming the entity (a delta)',
      },
      schema: { params: WorkspaceParams, body: ExpandBody, response: { 200: GraphReply } },
    },
    async (request) => {
      const { workspaceId } = request.params;
      const body = request.body;
      const ref = entityRef(body.kind, body.value);
      const from = parseTime(body.from, 'from');
      const to = parseTime(body.to, 'to');
      if (to <= from) throw invalidInvestigationInput('to', 'must be after from');
      if (to - from > 2 * maxInvestigationWindowMs)
        throw invalidInvestigationInput('to', 'at most 14 days after from');
      const filter = entitiesFilter([ref]);
      const read =
        filter === undefined
          ? { events: [], truncated: false }
          : await matchingEvents(
              events,
              { workspace: workspaceId, from, to },
              filter,
              'desc',
              body.limit ?? 200,
              (e) => eventMentionsEntity(e, ref.type, ref.value),
            );
      const pid = ref.type === 'process' ? /#(\d+)$/.exec(body.value)?.[1] : undefined;
      const key = `${ref.type}:${ref.value}${pid === undefined ? '' : `#${pid}`}`;
      const alerts = await cases.alerts.findByEntities(workspaceId, [key], from, to, 50);
      const graph = buildInvestigationGraph({
        alerts,
        events: read.events,
        knownEventIds: body.knownEventIds ?? [],
        storeTruncated: read.truncated,
      });
      return { from, to, ...graph };
    },
  );

  app.get<{ Params: Static<typeof EntityParams>; Querystring: EntityQuery }>(
    `${ws}/entities/:kind/:value`,
    {
      config: {
        permission: 'incidents.read',
        summary:
          'Entity page (host, user, ip): related alerts and incidents, events (look-back days or at ± before/after), first/last seen',
      },
      schema: { params: EntityParams, querystring: EntityQuery, response: { 200: EntityReply } },
    },
    async (request) => {
      const { workspaceId, kind, value } = request.params;
      const ref = entityRef(kind, value, entityPageKinds, { kind: 'kind', value: 'value' });
      const q = request.query;
      const window = entityPageWindow({
        now: cases.clock.now(),
        ...(q.days === undefined ? {} : { days: Number(q.days) }),
        ...(q.at === undefined ? {} : { at: parseTime(q.at, 'at') }),
        ...(q.before === undefined ? {} : { before: q.before }),
        ...(q.after === undefined ? {} : { after: q.after }),
      });
      return entityPage(
        { cases, events },
        { workspace: workspaceId, ref, window, limit: limitOf(q.limit, 50, 200) },
      );
    },
  );
}
