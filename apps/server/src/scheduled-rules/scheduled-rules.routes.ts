import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isVigilError, systemClock, userError, type Clock, type Storage, type Problem } from '@vigil/core';
import type { AuditTrail } from '@vigil/identity';
import { parseTimeText } from '@vigil/query';
import { searchOf } from '../search/prepare-search.ts';
import { alignDown, scheduledRuleInput, type ScheduledRule, type ScheduledRuleStore } from '@vigil/cases';
import { auditRequest } from '../audit/request-audit.ts';
import { checkScheduledQuery } from './check-scheduled-query.ts';
import {
  CreateBody,
  RuleParams,
  RunsQuery,
  SimulateBody,
  UpdateBody,
  WorkspaceParams,
} from './scheduled-rules.schema.ts';
import { scheduledRuleView, scheduledRunView } from './scheduled-rule-view.ts';
import {
  DEFAULT_SIMULATION_LIMITS,
  simulateScheduledRule,
  type SimulationLimits,
} from './simulate-scheduled-rule.ts';

export const SCHEDULED_RULES_BASE = '/api/v1/workspaces/:workspaceId/scheduled-rules';

export interface ScheduledRuleRoutesOptions {
  store: ScheduledRuleStore;
  /** Simulations query events through its search. */
  storage: Storage;
  clock?: Clock;
  audit?: AuditTrail;
  /** Bounds of the simulate route (default: the configuration schema's defaults). */
  simulation?: SimulationLimits;
}

type Params = { workspaceId: string; id: string };

/** Validates a definition: 400 naming the field (QUERY_INVALID with every problem's offset for the query). */
function validRule(body: unknown): ScheduledRule {
  const result = scheduledRuleInput(body, checkScheduledQuery);
  if (result.ok) return result.rule;
  const problems = result.problems.map((p: Problem) => ({
    field: p.where,
    message: p.message,
    ...(p.offset === undefined ? {} : { offset: p.offset }),
  }));
  const query = problems.filter((p) => p.field === 'query');
  const first = query[0] ?? problems[0];
  throw userError(
    query.length > 0 ? 'QUERY_INVALID' : 'SCHEDULED_RULE_INVALID',
    `${first?.field ?? 'body'}: ${first?.message ?? 'is invalid'}`,
    { details: { field: first?.field ?? 'body', problems } },
  );
}

function notFound(id: string) {
  return userError('RECORD_NOT_FOUND', `scheduled rule ${JSON.stringify(id)} was not found`, {
    status: 404,
    details: { id },
  });
}

function time(text: string, field: string): number {
  const ms = parseTimeText(text);
  if (ms === undefined) {
    throw userError('INVALID_TIME', `"${field}" must be an ISO-8601 time such as 2026-03-01T00:00:00Z`, {
      details: { field },
    });
  }
  return ms;
}

/**
 * Scheduled query rules (issue 5): list, create, read, replace, delete, enable/disable, run history
 * (ledger with gaps) and a dry-run simulation over a range. Every change is audited.
 */
export function registerScheduledRuleRoutes(app: FastifyInstance, options: ScheduledRuleRoutesOptions): void {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const base = SCHEDULED_RULES_BASE;
  const audit = async (
    request: FastifyRequest<{ Params: { workspaceId: string } }>,
    event: string,
    id: string,
    details?: Record<string, unknown>,
  ) => {
    if (options.audit === undefined) return;
    const workspace = request.params.workspaceId;
    await auditRequest(options.audit, request, {
      event_type: event,
      result: 'success',
      resource: `scheduled-rule:${workspace}/${id}`,
      workspace,
      ...(details ? { details } : {}),
    });
  };
  const load = async (ws: string, id: string) => {
    const found = await store.getRule(ws, id);
    if (found === undefined) throw notFound(id);
    return found;
  };
  const view = async (ws: string, id: string) => {
    const rec = await load(ws, id);
    return scheduledRuleView(rec, (await store.getState(ws, id))?.data);
  };
  /** Coverage starts at the interval boundary before now − delay: nothing earlier is owed. */
  const startCoverage = (rule: ScheduledRule) => ({
    coveredUntil: alignDown(clock.now() - rule.delaySeconds * 1000, rule.intervalSeconds * 1000),
    suppression: {},
    gaps: 0,
  });

  app.get<{ Params: Params }>(
    base,
    {
      config: {
        permission: 'rules.read',
        summary: 'List scheduled query rules with their last/next run and gaps',
      },
      schema: { params: WorkspaceParams },
    },
    async (request) => {
      const ws = request.params.workspaceId;
      const out = [];
      let after: string | undefined;
      for (;;) {
        const page = await store.listRules(ws, { limit: 1000, ...(after === undefined ? {} : { after }) });
        for (const r of page) out.push(scheduledRuleView(r, (await store.getState(ws, r.id))?.data));
        if (page.length < 1000) break;
        after = page.at(-1)?.id;
      }
      return { scheduledRules: out };
    },
  );

  app.post<{ Params: Params; Body: CreateBody }>(
    base,
    {
      config: { permission: 'rules.write', summary: 'Create a scheduled query rule' },
      schema: { params: WorkspaceParams, body: CreateBody },
    },
    async (request, reply) => {
      const ws = request.params.workspaceId;
      const rule = validRule(request.body);
      const created = await store.createRule(ws, randomUUID(), rule);
      await store.resetState(ws, created.id, startCoverage(rule));
      await audit(request, 'scheduled_rule.created', created.id, { name: rule.name, enabled: rule.enabled });
      return reply.status(201).send(await view(ws, created.id));
    },
  );

  app.get<{ Params: Params }>(
    `${base}/:id`,
    {
      config: { permission: 'rules.read', summary: 'One scheduled query rule' },
      schema: { params: RuleParams },
    },
    (request) => view(request.params.workspaceId, request.params.id),
  );

  app.put<{ Params: Params; Body: UpdateBody }>(
    `${base}/:id`,
    {
      config: {
        permission: 'rules.write',
        summary: 'Replace a scheduled query rule (send the version you read)',
      },
      schema: { params: RuleParams, body: UpdateBody },
    },
    async (request) => {
      const { workspaceId: ws, id } = request.params;
      const { version, ...fields } = request.body;
      const rule = validRule(fields);
      const before = await load(ws, id);
      const updated = await store.updateRule(ws, id, version, rule);
      // Switched on again: coverage restarts now (the disabled time is not owed, so not a gap).
      if (!before.data.enabled && rule.enabled) await store.resetState(ws, id, startCoverage(rule));
      await audit(request, 'scheduled_rule.updated', id, { version: updated.version });
      return view(ws, id);
    },
  );

  app.delete<{ Params: Params }>(
    `${base}/:id`,
    {
      config: {
        permission: 'rules.write',
        summary: 'Delete a scheduled query rule (its run history is purged by the next retention pass)',
      },
      schema: { params: RuleParams },
    },
    async (request, reply) => {
      const { workspaceId: ws, id } = request.params;
      if (!(await store.deleteRule(ws, id))) throw notFound(id);
      await audit(request, 'scheduled_rule.deleted', id);
      return reply.status(204).send();
    },
  );

  for (const enabled of [true, false]) {
    app.post<{ Params: Params }>(
      `${base}/:id/${enabled ? 'enable' : 'disable'}`,
      {
        config: {
          permission: 'rules.write',
          summary: enabled
            ? 'Enable a scheduled rule (coverage starts at the current interval)'
            : 'Disable a scheduled rule',
        },
        schema: { params: RuleParams },
      },
      async (request) => {
        const { workspaceId: ws, id } = request.params;
        for (;;) {
          const rec = await load(ws, id);
          if (rec.data.enabled === enabled) break;
          try {
            await store.updateRule(ws, id, rec.version, { ...rec.data, enabled });
            if (enabled) await store.resetState(ws, id, startCoverage(rec.data));
            break;
          } catch (err) {
            // Someone edited it meanwhile: read again, the switch still applies.
            if (!(isVigilError(err) && err.code === 'VERSION_CONFLICT')) throw err;
          }
        }
        await audit(request, enabled ? 'scheduled_rule.enabled' : 'scheduled_rule.disabled', id);
        return view(ws, id);
      },
    );
  }

  app.get<{ Params: Params; Querystring: RunsQuery }>(
    `${base}/:id/runs`,
    {
      config: {
        permission: 'rules.read',
        summary: 'Run history of a scheduled rule: runs, failures and gaps',
      },
      schema: { params: RuleParams, querystring: RunsQuery },
    },
    async (request) => {
      const { workspaceId: ws, id } = request.params;
      const rec = await load(ws, id);
      const state = (await store.getState(ws, id))?.data;
      const limit = request.query.limit ?? 200;
      // Default: about the latest `limit` intervals before the coverage point.
      const from =
        request.query.from === undefined
          ? Math.max(0, (state?.coveredUntil ?? clock.now()) - limit * rec.data.intervalSeconds * 1000)
          : time(request.query.from, 'from');
      const runs = await store.listRuns(ws, id, { from, limit });
      return {
        runs: runs.map(scheduledRunView),
        gaps: state?.gaps ?? 0,
        lastGap: scheduledRuleView(rec, state).schedule.lastGap,
      };
    },
  );

  app.post<{ Params: Params; Body: SimulateBody }>(
    `${base}/:id/simulate`,
    {
      config: {
        permission: 'rules.test',
        summary: 'Dry-run a scheduled rule over a time range: the alerts it would raise (nothing is written)',
      },
      schema: { params: RuleParams, body: SimulateBody },
    },
    async (request) => {
      const { workspaceId: ws, id } = request.params;
      const from = time(request.body.from, 'from');
      const to = time(request.body.to, 'to');
      const rec = await load(ws, id);
      const result = await simulateScheduledRule({
        search: searchOf(options.storage),
        workspace: ws,
        ruleId: id,
        ruleVersion: rec.version,
        rule: rec.data,
        from,
        to,
        limits: options.simulation ?? DEFAULT_SIMULATION_LIMITS,
      });
      await audit(request, 'scheduled_rule.simulated', id, {
        from: result.from,
        to: result.to,
        alerts: result.alerts.length,
      });
      return result;
    },
  );
}
