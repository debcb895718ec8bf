import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { parseTime, userError } from '@vigil/core';
import {
  activity,
  changeIncidentStatus,
  commentMentions,
  resolveMentions,
  checkSlaBreaches,
  incidentNotFound,
  incidentStatuses,
  incidentVersionConflict,
  killChain,
  severities,
  slaState,
  updateIncident,
  type Incident,
  type IncidentPatch,
  type MentionableMember,
  type SlaPolicy,
} from '@vigil/cases';
import type { CasesRuntime } from '../alerts/cases-runtime.ts';
import { actorOf, enumList, queryLimit, queryTime } from '../alerts/alert-request.ts';
import { workspaceResponseMetrics } from './incident-metrics.ts';
import {
  AlertIdsBody,
  CommentBody,
  IncidentCreateBody,
  IncidentDetailReply,
  IncidentListQuery,
  IncidentListReply,
  IncidentParams,
  IncidentPatchBody,
  IncidentView,
  MergeBody,
  MetricsQuery,
  MetricsReply,
  WorkspaceParams,
} from './incidents.schema.ts';
import { Type } from '@sinclair/typebox';

const base = '/api/v1/workspaces/:workspaceId/incidents';
type P = Static<typeof IncidentParams>;

/** Status change and edits as one new incident (one write); validation errors name their field. */
function applyIncidentPatch(
  incident: Incident,
  body: IncidentPatchBody,
  actor: string,
  at: number,
  policy: SlaPolicy,
): Incident {
  let next = incident;
  if (body.status !== undefined && body.status !== incident.status) {
    next = changeIncidentStatus(
      next,
      {
        to: body.status,
        ...(body.closeReason === undefined ? {} : { closeReason: body.closeReason }),
        ...(body.closeComment === undefined ? {} : { comment: body.closeComment }),
      },
      actor,
      at,
    );
  }
  const patch: IncidentPatch = {};
  if (body.title !== undefined) patch.title = body.title;
  if (body.description !== undefined) patch.description = body.description;
  if (body.owner !== undefined) patch.owner = body.owner;
  if (body.severity !== undefined) patch.severity = body.severity;
  if (body.stage !== undefined) patch.stage = body.stage;
  if (body.labels !== undefined) patch.labels = body.labels;
  if (body.plannedClosureAt !== undefined) {
    patch.plannedClosureAt =
      body.plannedClosureAt === null ? null : parseTime(body.plannedClosureAt, 'plannedClosureAt');
  }
  return checkSlaBreaches(updateIncident(next, patch, actor, at, policy), at);
}

/**
 * Incident routes (issue 5): list, detail (alerts, timeline, kill chain, SLA), create by hand or from
 * alerts, update (status, owner, stage, severity, labels, planned closure), add alerts, merge, split,
 * comment, and response metrics (MTTA/MTTR per severity, SLA breaches).
 */
export function registerIncidentRoutes(
  app: FastifyInstance,
  cases: CasesRuntime,
  deps: {
    /** Who `@name` mentions can name (workspace members); absent = mentions stay text. */
    members?: (workspace: string) => Promise<MentionableMember[]>;
  } = {},
): void {
  const load = async (workspace: string, id: string): Promise<Incident> => {
    const incident = await cases.incidents.get(workspace, id);
    if (incident === undefined) throw incidentNotFound(workspace, id);
    return incident;
  };

  app.get<{ Params: Static<typeof WorkspaceParams>; Querystring: IncidentListQuery }>(
    base,
    {
      config: {
        permission: 'incidents.read',
        summary: 'List incidents (filters: status, severity, owner, entity, time)',
      },
      schema: {
        params: WorkspaceParams,
        querystring: IncidentListQuery,
        response: { 200: IncidentListReply },
      },
    },
    async (request) => {
      const q = request.query;
      const limit = queryLimit(q.limit);
      const status = enumList(q.status, incidentStatuses, 'status');
      const severity = enumList(q.severity, severities, 'severity');
      const createdFrom = queryTime(q.from, 'from');
      const createdTo = queryTime(q.to, 'to');
      const incidents = await cases.incidents.list(request.params.workspaceId, {
        limit,
        ...(status === undefined ? {} : { status }),
        ...(severity === undefined ? {} : { severity }),
        ...(q.owner === undefined ? {} : { owner: q.owner }),
        ...(q.entity === undefined ? {} : { entityKey: q.entity }),
        ...(createdFrom === undefined ? {} : { createdFrom }),
        ...(createdTo === undefined ? {} : { createdTo }),
        ...(q.after === undefined ? {} : { after: q.after }),
      });
      const last = incidents.at(-1);
      return { incidents, ...(incidents.length === limit && last !== undefined ? { next: last.id } : {}) };
    },
  );

  app.get<{ Params: Static<typeof WorkspaceParams>; Querystring: Static<typeof MetricsQuery> }>(
    `${base}/metrics`,
    {
      config: {
        permission: 'incidents.read',
        summary: 'MTTA/MTTR per severity and SLA breaches for a period',
      },
      schema: { params: WorkspaceParams, querystring: MetricsQuery, response: { 200: MetricsReply } },
    },
    async (request) => {
      const from = parseTime(request.query.from, 'from');
      const to = parseTime(request.query.to, 'to');
      if (to <= from) {
        throw userError('INVALID_TIME_RANGE', 'to: must be after from', {
          status: 400,
          details: { field: 'to' },
        });
      }
      return workspaceResponseMetrics(cases, request.params.workspaceId, from, to, cases.clock.now());
    },
  );

  app.get<{ Params: P }>(
    `${base}/:incidentId`,
    {
      config: {
        permission: 'incidents.read',
        summary: 'One incident with its alerts, timeline, kill chain and SLA state',
      },
      schema: { params: IncidentParams, response: { 200: IncidentDetailReply } },
    },
    async (request) => {
      const { workspaceId, incidentId } = request.params;
      const incident = await load(workspaceId, incidentId);
      const alerts = await cases.alerts.getMany(workspaceId, incident.alertIds);
      const now = cases.clock.now();
      return {
        incident,
        alerts,
        timeline: incident.timeline,
        killChain: killChain(alerts),
        sla: {
          acknowledge: slaState(incident, 'acknowledge', now),
          resolve: slaState(incident, 'resolve', now),
        },
      };
    },
  );

  app.post<{ Params: Static<typeof WorkspaceParams>; Body: Static<typeof IncidentCreateBody> }>(
    base,
    {
      config: { permission: 'incidents.write', summary: 'Create an incident by hand or from alerts' },
      schema: { params: WorkspaceParams, body: IncidentCreateBody, response: { 201: IncidentView } },
    },
    async (request, reply) => {
      const incident = await cases.incidentService.create(
        request.params.workspaceId,
        actorOf(request),
        request.body,
      );
      return reply.status(201).send(incident);
    },
  );

  app.patch<{ Params: P; Body: IncidentPatchBody }>(
    `${base}/:incidentId`,
    {
      config: {
        permission: 'incidents.write',
        summary: 'Change an incident: status, owner, stage, severity, labels, planned closure',
      },
      schema: { params: IncidentParams, body: IncidentPatchBody, response: { 200: IncidentView } },
    },
    async (request) => {
      const { workspaceId, incidentId } = request.params;
      const incident = await load(workspaceId, incidentId);
      const { version } = request.body;
      if (version !== undefined && version !== incident.version) {
        throw incidentVersionConflict(incidentId, version, incident.version);
      }
      const policy = await cases.slaPolicies.policy(workspaceId);
      const next = applyIncidentPatch(incident, request.body, actorOf(request), cases.clock.now(), policy);
      if (next === incident || next.timeline.length === incident.timeline.length) return incident;
      const [stored] = await cases.incidents.updateMany(workspaceId, [next]);
      return stored ?? next;
    },
  );

  app.post<{ Params: P; Body: Static<typeof AlertIdsBody> }>(
    `${base}/:incidentId/alerts`,
    {
      config: { permission: 'incidents.write', summary: 'Add alerts to an incident' },
      schema: { params: IncidentParams, body: AlertIdsBody, response: { 200: IncidentView } },
    },
    (request) =>
      cases.incidentService.addAlerts(
        request.params.workspaceId,
        request.params.incidentId,
        request.body.alertIds,
        actorOf(request),
      ),
  );

  app.post<{ Params: P; Body: Static<typeof MergeBody> }>(
    `${base}/:incidentId/merge`,
    {
      config: {
        permission: 'incidents.write',
        summary: 'Merge other incidents into this one (they close as duplicates)',
      },
      schema: { params: IncidentParams, body: MergeBody, response: { 200: IncidentView } },
    },
    (request) =>
      cases.incidentService.merge(
        request.params.workspaceId,
        request.params.incidentId,
        request.body.sourceIds,
        actorOf(request),
      ),
  );

  app.post<{ Params: P; Body: Static<typeof AlertIdsBody> }>(
    `${base}/:incidentId/split`,
    {
      config: { permission: 'incidents.write', summary: 'Split alerts off into a new incident' },
      schema: {
        params: IncidentParams,
        body: AlertIdsBody,
        response: { 201: Type.Object({ original: IncidentView, created: IncidentView }) },
      },
    },
    async (request, reply) => {
      const [original, created] = await cases.incidentService.split(
        request.params.workspaceId,
        request.params.incidentId,
        request.body.alertIds,
        actorOf(request),
      );
      return reply.status(201).send({ original, created });
    },
  );

  app.post<{ Params: P; Body: Static<typeof CommentBody> }>(
    `${base}/:incidentId/comments`,
    {
      config: { permission: 'incidents.write', summary: 'Comment on an incident (mentions with @name)' },
      schema: { params: IncidentParams, body: CommentBody, response: { 201: IncidentView } },
    },
    async (request, reply) => {
      const { workspaceId, incidentId } = request.params;
      const incident = await load(workspaceId, incidentId);
      const text = request.body.text.trim();
      if (text === '') {
        throw userError('INVALID_COMMENT', 'text: a comment needs some text', {
          status: 400,
          details: { field: 'text' },
        });
      }
      const now = cases.clock.now();
      const actor = actorOf(request);
      const named = commentMentions(text);
      const members = named.length === 0 || deps.members === undefined ? [] : await deps.members(workspaceId);
      const mentions = resolveMentions(named, members);
      const userIds = mentions.members.map((m) => m.userId);
      // The timeline keeps who was mentioned by id (names change); unknown names stay plain text.
      const entry = activity(now, actor, 'commented', {
        note: text,
        ...(userIds.length === 0 ? {} : { field: 'mentions', after: userIds }),
      });
      const [stored] = await cases.incidents.updateMany(workspaceId, [
        { ...incident, updatedAt: now, timeline: [...incident.timeline, entry] },
      ]);
      const notify = userIds.filter((id) => id !== request.auth?.principal.id);
      if (notify.length > 0) {
        await cases.userNotifications.mention(workspaceId, notify, {
          actor,
          incidentId,
          incidentTitle: incident.title,
          text,
        });
      }
      return reply.status(201).send({ ...(stored ?? incident), mentions });
    },
  );
}
