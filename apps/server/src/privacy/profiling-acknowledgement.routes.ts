import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { userError } from '@vigil/core';
import {
  isProfilingAcknowledged,
  PROFILING_NOTICE_TEXT,
  PROFILING_NOTICE_VERSION,
  type ProfilingAcknowledgement,
} from '@vigil/identity';
import { auditRequest } from '../audit/request-audit.ts';
import type { IdentityRuntime } from '../auth/identity-runtime.ts';
import { requireAuth } from '../auth/request-auth.ts';
import { notFound } from '../auth/auth.error.ts';
import { ProfilingAcknowledgementStore } from './profiling-acknowledgement-store.ts';

const Params = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 64 }) });
const AckBody = Type.Object(
  { textVersion: Type.String({ minLength: 1, maxLength: 64 }), acknowledged: Type.Literal(true) },
  { additionalProperties: false },
);
const PATH = '/api/v1/workspaces/:workspaceId/privacy/profiling-acknowledgement';

function state(workspaceId: string, ack: ProfilingAcknowledgement | undefined) {
  return {
    workspaceId,
    acknowledged: isProfilingAcknowledged({ id: workspaceId, profilingAcknowledgement: ack }),
    notice: { version: PROFILING_NOTICE_VERSION, text: PROFILING_NOTICE_TEXT },
    acknowledgement: ack
      ? {
          acknowledgedBy: ack.acknowledgedBy,
          acknowledgedAt: new Date(ack.acknowledgedAt).toISOString(),
          textVersion: ack.textVersion,
        }
      : null,
  };
}

/** The recorded acknowledgement a workspace needs before profiling features (UEBA) may be enabled. */
export function registerProfilingAcknowledgementRoutes(app: FastifyInstance, rt: IdentityRuntime): void {
  const acks = new ProfilingAcknowledgementStore(rt.metadata);
  const workspace = async (id: string) => {
    if (!(await rt.stores.workspaces.get(id))) throw notFound('workspace');
  };

  app.get<{ Params: Static<typeof Params> }>(
    PATH,
    {
      config: {
        permission: 'settings.read',
        summary: 'Whether the profiling notice was acknowledged, by whom and when',
      },
      schema: { params: Params },
    },
    async (request) => {
      await workspace(request.params.workspaceId);
      return state(request.params.workspaceId, await acks.get(request.params.workspaceId));
    },
  );

  app.post<{ Params: Static<typeof Params>; Body: Static<typeof AckBody> }>(
    PATH,
    {
      config: { permission: 'privacy.manage', summary: 'Record the acknowledgement of the profiling notice' },
      schema: { params: Params, body: AckBody },
    },
    async (request, reply) => {
      const { workspaceId } = request.params;
      await workspace(workspaceId);
      if (request.body.textVersion !== PROFILING_NOTICE_VERSION) {
        throw userError(
          'NOTICE_VERSION_MISMATCH',
          'The profiling notice changed: read the current text first',
          {
            status: 409,
            details: { field: 'textVersion', currentVersion: PROFILING_NOTICE_VERSION },
          },
        );
      }
      const ack: ProfilingAcknowledgement = {
        workspaceId,
        acknowledgedBy: requireAuth(request).principal.id,
        acknowledgedAt: rt.clock.now(),
        textVersion: PROFILING_NOTICE_VERSION,
      };
      await acks.put(ack);
      await auditRequest(rt.audit, request, {
        event_type: 'privacy.profiling_acknowledged',
        result: 'success',
        resource: `workspace:${workspaceId}`,
        workspace: workspaceId,
        details: { textVersion: ack.textVersion },
      });
      return reply.status(201).send(state(workspaceId, ack));
    },
  );

  app.delete<{ Params: Static<typeof Params> }>(
    PATH,
    {
      config: {
        permission: 'privacy.manage',
        summary: 'Withdraw the acknowledgement (profiling features must stop)',
      },
      schema: { params: Params },
    },
    async (request) => {
      const { workspaceId } = request.params;
      await workspace(workspaceId);
      const withdrawn = await acks.delete(workspaceId);
      await auditRequest(rt.audit, request, {
        event_type: 'privacy.profiling_withdrawn',
        result: 'success',
        resource: `workspace:${workspaceId}`,
        workspace: workspaceId,
        details: { withdrawn },
      });
      return state(workspaceId, undefined);
    },
  );
}
