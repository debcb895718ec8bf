import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { userError } from '@vigil/core';
import { newSuppressionRule, updateSuppressionRule } from '@vigil/cases';
import { auditRequest } from '../audit/request-audit.ts';
import type { CasesRouteDeps } from './cases-route-deps.ts';
import type { CasesRuntime } from './cases-runtime.ts';
import { actorOf, queryLimit } from './alert-request.ts';
import {
  SuppressedHitsQuery,
  SuppressedHitsReply,
  SuppressionCreateBody,
  SuppressionParams,
  SuppressionPatchBody,
  SuppressionView,
  WorkspaceParams,
} from './alerts.schema.ts';

const base = '/api/v1/workspaces/:workspaceId/alert-suppressions';

function notFound(id: string): Error {
  return userError('SUPPRESSION_NOT_FOUND', 'No such suppression rule in this workspace', {
    status: 404,
    details: { id },
  });
}

/** Suppression rules (fields + duration) and the counts of the hits they and exceptions stopped. */
export function registerSuppressionRoutes(
  app: FastifyInstance,
  cases: CasesRuntime,
  deps: CasesRouteDeps = {},
): void {
  app.get<{ Params: Static<typeof WorkspaceParams> }>(
    base,
    {
      config: { permission: 'alerts.read', summary: 'List suppression rules (expired ones too)' },
      schema: {
        params: WorkspaceParams,
        response: { 200: Type.Object({ suppressions: Type.Array(SuppressionView) }) },
      },
    },
    async (request) => ({ suppressions: await cases.suppressions.list(request.params.workspaceId) }),
  );

  app.post<{ Params: Static<typeof WorkspaceParams>; Body: SuppressionCreateBody }>(
    base,
    {
      config: { permission: 'alerts.write', summary: 'Create a suppression rule' },
      schema: { params: WorkspaceParams, body: SuppressionCreateBody, response: { 201: SuppressionView } },
    },
    async (request, reply) => {
      const rule = newSuppressionRule(request.params.workspaceId, actorOf(request), request.body, {
        ids: cases.ids,
        clock: cases.clock,
      });
      await cases.suppressions.create(rule);
      return reply.status(201).send(rule);
    },
  );

  app.get<{ Params: Static<typeof WorkspaceParams>; Querystring: Static<typeof SuppressedHitsQuery> }>(
    `${base}/hits`,
    {
      config: {
        permission: 'alerts.read',
        summary: 'Suppressed and excepted hits: counts per rule and recent hits',
      },
      schema: {
        params: WorkspaceParams,
        querystring: SuppressedHitsQuery,
        response: { 200: SuppressedHitsReply },
      },
    },
    async (request) => {
      const ws = request.params.workspaceId;
      const { ruleId, limit } = request.query;
      return {
        counts: await cases.ledger.counts(ws, ruleId),
        recent: await cases.ledger.recent(ws, {
          ...(ruleId === undefined ? {} : { ruleId }),
          ...(limit === undefined ? {} : { limit: queryLimit(limit) }),
        }),
      };
    },
  );

  app.get<{ Params: Static<typeof SuppressionParams> }>(
    `${base}/:suppressionId`,
    {
      config: { permission: 'alerts.read', summary: 'One suppression rule' },
      schema: { params: SuppressionParams, response: { 200: SuppressionView } },
    },
    async (request) => {
      const rule = await cases.suppressions.get(request.params.workspaceId, request.params.suppressionId);
      if (rule === undefined) throw notFound(request.params.suppressionId);
      return rule;
    },
  );

  app.patch<{ Params: Static<typeof SuppressionParams>; Body: SuppressionPatchBody }>(
    `${base}/:suppressionId`,
    {
      config: {
        permission: 'alerts.write',
        summary: 'Edit a suppression rule: fields, duration (from now), reason, rule, enabled',
      },
      schema: { params: SuppressionParams, body: SuppressionPatchBody, response: { 200: SuppressionView } },
    },
    async (request) => {
      const { workspaceId, suppressionId } = request.params;
      const rule = await cases.suppressions.get(workspaceId, suppressionId);
      if (rule === undefined) throw notFound(suppressionId);
      const actor = actorOf(request);
      const { rule: next, changed } = updateSuppressionRule(rule, request.body, actor, cases.clock.now());
      if (changed.length === 0) return rule;
      if (!(await cases.suppressions.update(next))) throw notFound(suppressionId);
      if (deps.audit !== undefined) {
        await auditRequest(deps.audit, request, {
          event_type: 'alert_suppression.updated',
          result: 'success',
          resource: `alert-suppression:${suppressionId}`,
          workspace: workspaceId,
          details: { changed, enabled: next.enabled ?? true, expiresAt: next.expiresAt },
        });
      }
      return next;
    },
  );

  app.delete<{ Params: Static<typeof SuppressionParams> }>(
    `${base}/:suppressionId`,
    {
      config: { permission: 'alerts.write', summary: 'End a suppression rule now' },
      schema: { params: SuppressionParams },
    },
    async (request, reply) => {
      if (!(await cases.suppressions.delete(request.params.workspaceId, request.params.suppressionId))) {
        throw notFound(request.params.suppressionId);
      }
      return reply.status(204).send();
    },
  );
}
