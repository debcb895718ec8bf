import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { AuditTrail } from '@vigil/identity';
import { slaPolicyFromMinutes, slaPolicyToMinutes } from '@vigil/cases';
import { auditRequest } from '../audit/request-audit.ts';
import { actorOf } from '../alerts/alert-request.ts';
import type { SlaPolicyStore, StoredSlaPolicy } from './sla-policy-store.ts';
import { SlaPolicyBody, SlaPolicyParams, SlaPolicyReply } from './sla-policy.schema.ts';

const path = '/api/v1/workspaces/:workspaceId/incident-sla-policy';

function view(stored: StoredSlaPolicy) {
  return {
    targets: slaPolicyToMinutes(stored.policy),
    isDefault: stored.isDefault,
    version: stored.version,
    ...(stored.updatedAt === undefined ? {} : { updatedAt: stored.updatedAt }),
    ...(stored.updatedBy === undefined ? {} : { updatedBy: stored.updatedBy }),
  };
}

/**
 * The workspace's incident SLA policy: acknowledge/resolve targets per severity. New incidents (and
 * severity changes) take their due dates from it; incidents already open keep theirs.
 */
export function registerSlaPolicyRoutes(
  app: FastifyInstance,
  deps: { store: SlaPolicyStore; audit?: AuditTrail },
): void {
  app.get<{ Params: Static<typeof SlaPolicyParams> }>(
    path,
    {
      config: { permission: 'incidents.read', summary: 'The incident SLA policy (targets per severity)' },
      schema: { params: SlaPolicyParams, response: { 200: SlaPolicyReply } },
    },
    async (request) => view(await deps.store.get(request.params.workspaceId)),
  );

  app.put<{ Params: Static<typeof SlaPolicyParams>; Body: SlaPolicyBody }>(
    path,
    {
      config: { permission: 'settings.write', summary: 'Replace the incident SLA policy' },
      schema: { params: SlaPolicyParams, body: SlaPolicyBody, response: { 200: SlaPolicyReply } },
    },
    async (request) => {
      const ws = request.params.workspaceId;
      const policy = slaPolicyFromMinutes(request.body.targets);
      const before = await deps.store.get(ws);
      const stored = await deps.store.put(ws, policy, actorOf(request), request.body.version);
      if (deps.audit !== undefined) {
        await auditRequest(deps.audit, request, {
          event_type: 'incident_sla_policy.updated',
          result: 'success',
          resource: 'incident-sla-policy',
          workspace: ws,
          details: { before: slaPolicyToMinutes(before.policy), after: slaPolicyToMinutes(stored.policy) },
        });
      }
      return view(stored);
    },
  );
}
