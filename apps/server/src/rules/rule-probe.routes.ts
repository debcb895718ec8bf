import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { parseTime } from '@vigil/core';
import { backtestRule } from './backtest-rule.ts';
import { prepareProbe, ProbeRun } from './rule-probe.ts';
import { BacktestBody, RuleParams, TestBody, WorkspaceParams } from './rules.schema.ts';
import { RULES_BASE } from './rule-routes-options.ts';
import type { RuleRoutesOptions } from './rule-routes-options.ts';

const DEFAULT_MAX_SCAN = 100_000;

/** Trying rules out: against pasted events (`rules/test`) and over stored events (`backtest`). */
export function registerRuleProbeRoutes(app: FastifyInstance, options: RuleRoutesOptions): void {
  const lateness = options.latenessMs ?? 60_000;

  app.post<{ Params: Static<typeof WorkspaceParams>; Body: Static<typeof TestBody> }>(
    `${RULES_BASE}/test`,
    {
      config: { permission: 'rules.test', summary: 'Test a rule (text or id) against sample events' },
      schema: { params: WorkspaceParams, body: TestBody },
    },
    async (request) => {
      const b = request.body;
      const probe = await prepareProbe(options.rules, options.exceptions, request.params.workspaceId, {
        text: b.rule,
        ruleId: b.rule === undefined ? b.ruleId : undefined,
      });
      const run = new ProbeRun(probe, b.events.length, lateness);
      const errors: { index: number; error: string }[] = [];
      b.events.forEach((ev, index) => {
        if (ev === null || typeof ev !== 'object' || Array.isArray(ev)) {
          errors.push({ index, error: 'an event must be a JSON object' });
          return;
        }
        run.feed(ev, index);
      });
      run.finish();
      return {
        rules: probe.rules,
        rejected: probe.rejected,
        events: b.events.length,
        hits: run.hits,
        matches: run.matches,
        suppressed: run.suppressed,
        correlations: run.correlations,
        errors,
      };
    },
  );

  app.post<{ Params: Static<typeof RuleParams>; Body: Static<typeof BacktestBody> }>(
    `${RULES_BASE}/:ruleId/backtest`,
    {
      config: {
        permission: 'rules.test',
        summary: 'Backtest a stored rule over stored events of a time range',
      },
      schema: { params: RuleParams, body: BacktestBody },
    },
    async (request) => {
      const { workspaceId: ws, ruleId } = request.params;
      const b = request.body;
      const probe = await prepareProbe(options.rules, options.exceptions, ws, { ruleId });
      const result = await backtestRule(options.events, probe, {
        workspace: ws,
        from: parseTime(b.from, 'from'),
        to: parseTime(b.to, 'to'),
        limit: b.limit ?? 100,
        maxScan: b.maxScan ?? DEFAULT_MAX_SCAN,
        latenessMs: lateness,
        ...(b.dataSpaces ? { dataSpaces: b.dataSpaces } : {}),
      });
      return { rule: probe.rules[0], from: b.from, to: b.to, ...result };
    },
  );
}
