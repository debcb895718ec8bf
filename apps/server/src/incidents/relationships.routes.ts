import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { userError } from '@vigil/core';
import type { AuditTrail } from '@vigil/identity';
import {
  activity,
  alertNotFound,
  incidentNotFound,
  MAX_RELATIONSHIPS,
  relationshipFromInput,
  relationshipKey,
  suggestRelationships,
  type ActivityEntry,
  type Entity,
  type RelationshipLink,
} from '@vigil/cases';
import { auditRequest } from '../audit/request-audit.ts';
import { actorOf } from '../alerts/alert-request.ts';
import type { CasesRuntime } from '../alerts/cases-runtime.ts';
import type { RelationshipSubject } from './relationship-store.ts';
import {
  LinkParams,
  RelationshipBody,
  RelationshipsReply,
  RelationshipView,
  SubjectParams,
} from './relationships.schema.ts';

/** How one subject (alert or incident) is read and how an entry joins its activity timeline. */
interface SubjectAccess {
  subject: RelationshipSubject;
  base: string;
  read: string;
  write: string;
  /** The entities of the subject's alerts; throws 404 when the subject does not exist. */
  entities(workspace: string, id: string): Promise<(readonly Entity[])[]>;
  appendActivity(workspace: string, id: string, entry: ActivityEntry): Promise<void>;
}

/** Alerts of one incident read for suggestions. */
const maxSuggestionAlerts = 200;

function subjects(cases: CasesRuntime): SubjectAccess[] {
  return [
    {
      subject: 'incident',
      base: '/api/v1/workspaces/:workspaceId/incidents/:subjectId/relationships',
      read: 'incidents.read',
      write: 'incidents.write',
      entities: async (ws, id) => {
        const incident = await cases.incidents.get(ws, id);
        if (incident === undefined) throw incidentNotFound(ws, id);
        const alerts = await cases.alerts.getMany(ws, incident.alertIds.slice(0, maxSuggestionAlerts));
        return alerts.map((a) => a.entities);
      },
      appendActivity: async (ws, id, entry) => {
        const incident = await cases.incidents.get(ws, id);
        if (incident === undefined) throw incidentNotFound(ws, id);
        await cases.incidents.updateMany(ws, [
          { ...incident, updatedAt: entry.at, timeline: [...incident.timeline, entry] },
        ]);
      },
    },
    {
      subject: 'alert',
      base: '/api/v1/workspaces/:workspaceId/alerts/:subjectId/relationships',
      read: 'alerts.read',
      write: 'alerts.write',
      entities: async (ws, id) => {
        const alert = await cases.alerts.get(ws, id);
        if (alert === undefined) throw alertNotFound(ws, id);
        return [alert.entities];
      },
      appendActivity: async (ws, id, entry) => {
        const alert = await cases.alerts.get(ws, id);
        if (alert === undefined) throw alertNotFound(ws, id);
        await cases.alerts.updateMany(ws, [
          { ...alert, updatedAt: entry.at, activity: [...alert.activity, entry] },
        ]);
      },
    },
  ];
}

const describe = (l: RelationshipLink) => `${l.kind} ${l.type} ${l.value}`;

/**
 * Indicator and asset links of incidents and alerts (issue 5 follow-up): list with suggestions from the
 * alert entities, add, remove. Each change is audited and written to the subject's activity timeline.
 */
export function registerRelationshipRoutes(
  app: FastifyInstance,
  cases: CasesRuntime,
  deps: { audit?: AuditTrail } = {},
): void {
  const audit = async (
    request: FastifyRequest,
    event: string,
    ws: string,
    s: SubjectAccess,
    id: string,
    link: RelationshipLink,
  ) => {
    if (deps.audit === undefined) return;
    await auditRequest(deps.audit, request, {
      event_type: event,
      result: 'success',
      resource: `${s.subject}:${id}`,
      workspace: ws,
      details: { relationshipId: link.id, kind: link.kind, type: link.type, value: link.value },
    });
  };

  for (const s of subjects(cases)) {
    app.get<{ Params: Static<typeof SubjectParams> }>(
      s.base,
      {
        config: {
          permission: s.read,
          summary: `Indicator and asset links of an ${s.subject}, with suggestions`,
        },
        schema: { params: SubjectParams, response: { 200: RelationshipsReply } },
      },
      async (request) => {
        const { workspaceId, subjectId } = request.params;
        const entities = await s.entities(workspaceId, subjectId);
        const relationships = await cases.relationships.list(workspaceId, s.subject, subjectId);
        return { relationships, suggestions: suggestRelationships(entities, relationships) };
      },
    );

    app.post<{ Params: Static<typeof SubjectParams>; Body: Static<typeof RelationshipBody> }>(
      s.base,
      {
        config: { permission: s.write, summary: `Link an indicator or asset to an ${s.subject}` },
        schema: { params: SubjectParams, body: RelationshipBody, response: { 201: RelationshipView } },
      },
      async (request, reply) => {
        const { workspaceId, subjectId } = request.params;
        await s.entities(workspaceId, subjectId);
        const actor = actorOf(request);
        const now = cases.clock.now();
        const link = relationshipFromInput(request.body, { id: cases.ids.next(), at: now, actor });
        const existing = await cases.relationships.list(workspaceId, s.subject, subjectId);
        if (existing.some((l) => relationshipKey(l) === relationshipKey(link))) {
          throw userError('RELATIONSHIP_EXISTS', `value: this ${link.type} is already linked`, {
            status: 409,
            details: { field: 'value' },
          });
        }
        if (existing.length >= MAX_RELATIONSHIPS) {
          throw userError('TOO_MANY_RELATIONSHIPS', `at most ${MAX_RELATIONSHIPS} links per ${s.subject}`, {
            status: 400,
            details: { field: 'value' },
          });
        }
        await cases.relationships.add(workspaceId, s.subject, subjectId, link);
        try {
          await s.appendActivity(
            workspaceId,
            subjectId,
            activity(now, actor, 'relationship_added', {
              field: 'relationships',
              after: describe(link),
              note: link.note,
            }),
          );
        } catch (err) {
          // The link and its timeline entry go together: without the entry, take the link back.
          await cases.relationships.remove(workspaceId, s.subject, subjectId, link.id);
          throw err;
        }
        await audit(request, `${s.subject}_relationship.added`, workspaceId, s, subjectId, link);
        return reply.status(201).send(link);
      },
    );

    app.delete<{ Params: Static<typeof LinkParams> }>(
      `${s.base}/:relationshipId`,
      {
        config: { permission: s.write, summary: `Remove an indicator or asset link of an ${s.subject}` },
        schema: { params: LinkParams },
      },
      async (request, reply) => {
        const { workspaceId, subjectId, relationshipId } = request.params;
        await s.entities(workspaceId, subjectId);
        const link = await cases.relationships.get(workspaceId, s.subject, subjectId, relationshipId);
        if (link === undefined) {
          throw userError('RELATIONSHIP_NOT_FOUND', 'No such relationship on this subject', {
            status: 404,
            details: { id: relationshipId },
          });
        }
        const actor = actorOf(request);
        await s.appendActivity(
          workspaceId,
          subjectId,
          activity(cases.clock.now(), actor, 'relationship_removed', {
            field: 'relationships',
            before: describe(link),
          }),
        );
        await cases.relationships.remove(workspaceId, s.subject, subjectId, relationshipId);
        await audit(request, `${s.subject}_relationship.removed`, workspaceId, s, subjectId, link);
        return reply.status(204).send();
      },
    );
  }
}
