import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { parseTime, userError } from '@vigil/core';
import { exceptionView } from './rule-view.ts';
import { ExceptionBody, ExceptionParams, RuleParams, WorkspaceParams } from './rules.schema.ts';
import { auditRules, RULES_BASE } from './rule-routes-options.ts';
import type { RuleRoutesOptions } from './rule-routes-options.ts';

/**
 * Local exceptions of a rule. Adding or removing one needs `alerts.write` (the catalogue's "triage
 * alerts … add exceptions"), reading them `rules.read`.
 */
export function registerRuleExceptionRoutes(app: FastifyInstance, options: RuleRoutesOptions): void {
  const { exceptions, rules } = options;

  app.get<{ Params: Static<typeof WorkspaceParams> }>(
    '/api/v1/workspaces/:workspaceId/rule-exceptions',
    {
      config: { permission: 'rules.read', summary: 'Every local rule exception of the workspace' },
      schema: { params: WorkspaceParams },
    },
    async (request) => {
      const now = rules.clock.now();
      return {
        exceptions: (await exceptions.all(request.params.workspaceId)).map((e) => exceptionView(e, now)),
      };
    },
  );

  app.get<{ Params: Static<typeof RuleParams> }>(
    `${RULES_BASE}/:ruleId/exceptions`,
    {
      config: { permission: 'rules.read', summary: 'Local exceptions of a rule, with suppression counts' },
      schema: { params: RuleParams },
    },
    async (request) => {
      const { workspaceId: ws, ruleId } = request.params;
      const now = rules.clock.now();
      const counters = await options.detection?.ruleCounters(ws, ruleId);
      return {
        exceptions: (await exceptions.ofRule(ws, ruleId)).map((e) => ({
          ...exceptionView(e, now),
          suppressed: counters?.byException[e.id] ?? 0,
        })),
        suppressed: counters?.suppressed ?? 0,
      };
    },
  );

  app.post<{ Params: Static<typeof RuleParams>; Body: Static<typeof ExceptionBody> }>(
    `${RULES_BASE}/:ruleId/exceptions`,
    {
      config: {
        permission: 'alerts.write',
        summary: 'Add a local exception (Sigma selection, reason, owner, expiry)',
      },
      schema: { params: RuleParams, body: ExceptionBody },
    },
    async (request, reply) => {
      const { workspaceId: ws, ruleId } = request.params;
      const b = request.body;
      if (
        Array.isArray(b.conditions)
          ? b.conditions.some((c) => Object.keys(c).length === 0)
          : Object.keys(b.conditions).length === 0
      )
        throw userError('EXCEPTION_INVALID', 'conditions must name at least one field', {
          details: { field: 'conditions' },
        });
      const by = request.auth?.principal.id;
      const created = await exceptions.create(ws, {
        ruleId,
        conditions: b.conditions,
        reason: b.reason,
        ...(b.owner === undefined ? {} : { owner: b.owner }),
        ...(b.expiresAt === undefined ? {} : { expiresAt: parseTime(b.expiresAt, 'expiresAt') }),
        ...(by === undefined ? {} : { by }),
      });
      await auditRules(options, request, 'rule.exception.created', ws, `rule:${ruleId}`, {
        exception: created.id,
      });
      return reply.status(201).send(exceptionView(created.data, rules.clock.now()));
    },
  );

  app.delete<{ Params: Static<typeof ExceptionParams> }>(
    `${RULES_BASE}/:ruleId/exceptions/:exceptionId`,
    {
      config: { permission: 'alerts.write', summary: 'Remove a local exception' },
      schema: { params: ExceptionParams },
    },
    async (request, reply) => {
      const { workspaceId: ws, ruleId, exceptionId } = request.params;
      const found = await exceptions.get(ws, exceptionId);
      if (found.ruleId !== ruleId)
        throw userError('EXCEPTION_NOT_FOUND', `exception ${JSON.stringify(exceptionId)} was not found`, {
          status: 404,
          details: { id: exceptionId },
        });
      await exceptions.delete(ws, exceptionId);
      await auditRules(options, request, 'rule.exception.deleted', ws, `rule:${ruleId}`, {
        exception: exceptionId,
      });
      return reply.status(204).send();
    },
  );
}
