import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { AuditTrail } from '@vigil/identity';
import {
  defaultDedupFields,
  MAX_DEDUP_FIELDS,
  MAX_DEDUP_WINDOW_SECONDS,
  MIN_DEDUP_WINDOW_SECONDS,
  ruleAlertingInput,
} from '@vigil/cases';
import { auditRequest } from '../audit/request-audit.ts';
import { actorOf } from './alert-request.ts';
import type { CasesRuntime } from './cases-runtime.ts';

const path = '/api/v1/workspaces/:workspaceId/rules/:ruleId/alerting';
const DEFAULT_WINDOW_SECONDS = 3600;

const Params = Type.Object({
  workspaceId: Type.String({ minLength: 1, maxLength: 64 }),
  ruleId: Type.String({ minLength: 1, maxLength: 200 }),
});
const Body = Type.Object(
  {
    dedupFields: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: MAX_DEDUP_FIELDS }),
    dedupWindowSeconds: Type.Integer({
      minimum: MIN_DEDUP_WINDOW_SECONDS,
      maximum: MAX_DEDUP_WINDOW_SECONDS,
    }),
  },
  { additionalProperties: false },
);
const Reply = Type.Object({
  ruleId: Type.String(),
  dedupFields: Type.Array(Type.String()),
  dedupWindowSeconds: Type.Integer(),
  /** True when the rule has no settings of its own (rule + host.name + user.name, one hour). */
  isDefault: Type.Boolean(),
  updatedAt: Type.Optional(Type.Integer()),
  updatedBy: Type.Optional(Type.String()),
});

export interface RuleAlertingRouteDeps {
  audit?: AuditTrail;
  /** Throws the rules' 404 when the rule does not exist; absent = any rule id is accepted. */
  requireRule?: (workspace: string, ruleId: string) => Promise<void>;
}

/**
 * A rule's alerting settings: the fields whose values (with the rule id) form the dedup key, and the
 * dedup window. Stored apart from the rule (records kind `rule-alerting`), so updating or re-importing
 * the rule keeps them; the alert pipeline reads them for every detection of the rule.
 */
export function registerRuleAlertingRoutes(
  app: FastifyInstance,
  cases: CasesRuntime,
  deps: RuleAlertingRouteDeps = {},
): void {
  const view = async (workspace: string, ruleId: string) => {
    const found = await cases.ruleAlerting.get(workspace, ruleId);
    if (found === undefined) {
      return {
        ruleId,
        dedupFields: [...defaultDedupFields],
        dedupWindowSeconds: DEFAULT_WINDOW_SECONDS,
        isDefault: true,
      };
    }
    const s = found.settings;
    return {
      ruleId,
      dedupFields: s.dedupFields,
      dedupWindowSeconds: s.dedupWindowSeconds,
      isDefault: false,
      updatedAt: s.updatedAt,
      updatedBy: s.updatedBy,
    };
  };

  app.get<{ Params: Static<typeof Params> }>(
    path,
    {
      config: { permission: 'rules.read', summary: "A rule's alerting settings (dedup fields and window)" },
      schema: { params: Params, response: { 200: Reply } },
    },
    async (request) => {
      const { workspaceId, ruleId } = request.params;
      await deps.requireRule?.(workspaceId, ruleId);
      return view(workspaceId, ruleId);
    },
  );

  app.put<{ Params: Static<typeof Params>; Body: Static<typeof Body> }>(
    path,
    {
      config: { permission: 'rules.write', summary: "Set a rule's dedup fields and window" },
      schema: { params: Params, body: Body, response: { 200: Reply } },
    },
    async (request) => {
      const { workspaceId, ruleId } = request.params;
      await deps.requireRule?.(workspaceId, ruleId);
      const input = ruleAlertingInput(request.body);
      const before = await view(workspaceId, ruleId);
      await cases.ruleAlerting.put(workspaceId, {
        ruleId,
        ...input,
        updatedAt: cases.clock.now(),
        updatedBy: actorOf(request),
      });
      if (deps.audit !== undefined) {
        await auditRequest(deps.audit, request, {
          event_type: 'rule_alerting.updated',
          result: 'success',
          resource: `rule:${ruleId}`,
          workspace: workspaceId,
          details: {
            before: { dedupFields: before.dedupFields, dedupWindowSeconds: before.dedupWindowSeconds },
            after: input,
          },
        });
      }
      return view(workspaceId, ruleId);
    },
  );

  app.delete<{ Params: Static<typeof Params> }>(
    path,
    {
      config: { permission: 'rules.write', summary: "Put a rule's alerting settings back to the defaults" },
      schema: { params: Params },
    },
    async (request, reply) => {
      const { workspaceId, ruleId } = request.params;
      const deleted = await cases.ruleAlerting.delete(workspaceId, ruleId);
      if (deleted && deps.audit !== undefined) {
        await auditRequest(deps.audit, request, {
          event_type: 'rule_alerting.reset',
          result: 'success',
          resource: `rule:${ruleId}`,
          workspace: workspaceId,
        });
      }
      return reply.status(204).send();
    },
  );
}
