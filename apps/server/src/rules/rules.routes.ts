import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { importRules } from './import-rules.ts';
import { importFiles } from './rule-import-body.ts';
import { filterRules } from './rule-list.ts';
import { exceptionView, ruleSummaryView, versionView } from './rule-view.ts';
import {
  ImportQuery,
  ListQuery,
  PatchBody,
  PlaceholdersBody,
  RuleParams,
  WorkspaceParams,
} from './rules.schema.ts';
import { registerRuleBulkRoutes } from './rule-bulk.routes.ts';
import { registerRuleExceptionRoutes } from './rule-exceptions.routes.ts';
import { registerRuleProbeRoutes } from './rule-probe.routes.ts';
import { auditRules, RULES_BASE } from './rule-routes-options.ts';
import type { RuleRoutesOptions } from './rule-routes-options.ts';

export type { RuleRoutesOptions };

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];
const ZIP_TYPES = ['application/zip', 'application/x-zip-compressed', 'application/octet-stream'];

/**
 * Rule management (issue 3): import (YAML, zip or JSON files), list/search, read with versions,
 * enable/disable (one or in bulk), delete; exceptions, tests and backtests are registered beside them.
 */
export async function registerRuleRoutes(app: FastifyInstance, options: RuleRoutesOptions): Promise<void> {
  const { rules } = options;
  await app.register((scope, _opts, registered) => {
    // Import bodies may be YAML text or zip bytes as well as JSON.
    scope.addContentTypeParser(YAML_TYPES, { parseAs: 'string' }, (_req, body, done) => done(null, body));
    scope.addContentTypeParser(ZIP_TYPES, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.post<{ Params: Static<typeof WorkspaceParams>; Querystring: Static<typeof ImportQuery> }>(
      `${RULES_BASE}/import`,
      {
        config: {
          permission: 'rules.write',
          summary:
            'Import Sigma rules: YAML body, zip (SigmaHQ layout) or JSON {files:[{path,text}]} / {zip} / {text}',
        },
        schema: { params: WorkspaceParams, querystring: ImportQuery },
      },
      async (request) => {
        const ws = request.params.workspaceId;
        const files = importFiles(request.body, request.headers['content-type'], request.query.path);
        const by = request.auth?.principal.id;
        const result = await importRules(rules, ws, files, {
          enabled: request.query.enabled === 'true',
          ...(by === undefined ? {} : { by }),
        });
        await auditRules(options, request, 'rules.imported', ws, `rules:${ws}`, {
          files: files.length,
          created: result.created.length,
          updated: result.updated.length,
          unchanged: result.unchanged.length,
          rejected: result.rejected.length,
        });
        return {
          files: files.length,
          counts: {
            created: result.created.length,
            updated: result.updated.length,
            unchanged: result.unchanged.length,
            rejected: result.rejected.length,
          },
          ...result,
        };
      },
    );
    registered();
  });

  app.get<{ Params: Static<typeof WorkspaceParams>; Querystring: Static<typeof ListQuery> }>(
    RULES_BASE,
    {
      config: {
        permission: 'rules.read',
        summary: 'List and search rules (q, level, tag, logsource, status, type, enabled)',
      },
      schema: { params: WorkspaceParams, querystring: ListQuery },
    },
    async (request) => {
      const q = request.query;
      const limit = Math.min(500, Math.max(1, Number(q.limit ?? '50')));
      const page = filterRules(await rules.all(request.params.workspaceId), {
        limit,
        ...(q.q === undefined ? {} : { q: q.q }),
        ...(q.level === undefined ? {} : { level: q.level }),
        ...(q.tag === undefined ? {} : { tag: q.tag }),
        ...(q.logsource === undefined ? {} : { logsource: q.logsource }),
        ...(q.status === undefined ? {} : { status: q.status }),
        ...(q.type === undefined ? {} : { type: q.type }),
        ...(q.enabled === undefined ? {} : { enabled: q.enabled === 'true' }),
        ...(q.after === undefined ? {} : { after: q.after }),
      });
      return {
        rules: page.rules.map(ruleSummaryView),
        total: page.total,
        ...(page.next ? { next: page.next } : {}),
      };
    },
  );

  app.get<{ Params: Static<typeof RuleParams> }>(
    `${RULES_BASE}/:ruleId`,
    {
      config: {
        permission: 'rules.read',
        summary: 'One rule with its text, versions, exceptions and counters',
      },
      schema: { params: RuleParams },
    },
    async (request) => {
      const { workspaceId: ws, ruleId } = request.params;
      const rule = await rules.get(ws, ruleId);
      const now = rules.clock.now();
      const counters = await options.detection?.ruleCounters(ws, ruleId);
      return {
        ...ruleSummaryView(rule),
        text: rule.data.text,
        versions: (await rules.versions(ws, rule.data)).map(versionView),
        exceptions: (await options.exceptions.ofRule(ws, ruleId)).map((e) => exceptionView(e, now)),
        stats: counters ?? { matches: 0, suppressed: 0, byException: {} },
      };
    },
  );

  app.patch<{ Params: Static<typeof RuleParams>; Body: Static<typeof PatchBody> }>(
    `${RULES_BASE}/:ruleId`,
    {
      config: { permission: 'rules.write', summary: 'Enable or disable a rule in this workspace' },
      schema: { params: RuleParams, body: PatchBody },
    },
    async (request) => {
      const { workspaceId: ws, ruleId } = request.params;
      const updated = await rules.setEnabled(ws, ruleId, request.body.enabled);
      await auditRules(
        options,
        request,
        request.body.enabled ? 'rule.enabled' : 'rule.disabled',
        ws,
        `rule:${ruleId}`,
      );
      return ruleSummaryView(updated);
    },
  );

  app.delete<{ Params: Static<typeof RuleParams> }>(
    `${RULES_BASE}/:ruleId`,
    {
      config: { permission: 'rules.write', summary: 'Delete a rule and its history (its exceptions stay)' },
      schema: { params: RuleParams },
    },
    async (request, reply) => {
      const { workspaceId: ws, ruleId } = request.params;
      await rules.delete(ws, ruleId);
      await auditRules(options, request, 'rule.deleted', ws, `rule:${ruleId}`);
      return reply.status(204).send();
    },
  );

  app.get<{ Params: Static<typeof WorkspaceParams> }>(
    '/api/v1/workspaces/:workspaceId/detection/stats',
    {
      config: {
        permission: 'rules.read',
        summary: 'Detection in this server process: compiled rules and counters',
      },
      schema: { params: WorkspaceParams },
    },
    async (request) => {
      const ws = request.params.workspaceId;
      return {
        revision: await rules.revision(ws),
        running: options.detection?.workspaceStats(ws) ?? null,
      };
    },
  );

  app.get<{ Params: Static<typeof WorkspaceParams> }>(
    '/api/v1/workspaces/:workspaceId/sigma-placeholders',
    {
      config: { permission: 'rules.read', summary: 'Values of %placeholders% for the Sigma expand modifier' },
      schema: { params: WorkspaceParams },
    },
    async (request) => ({ values: await rules.placeholders(request.params.workspaceId) }),
  );

  app.put<{ Params: Static<typeof WorkspaceParams>; Body: Static<typeof PlaceholdersBody> }>(
    '/api/v1/workspaces/:workspaceId/sigma-placeholders',
    {
      config: {
        permission: 'rules.write',
        summary: 'Replace the %placeholder% values (rules recompile with them)',
      },
      schema: { params: WorkspaceParams, body: PlaceholdersBody },
    },
    async (request) => {
      const ws = request.params.workspaceId;
      await rules.setPlaceholders(ws, request.body.values);
      await auditRules(options, request, 'rules.placeholders.changed', ws, `rules:${ws}`, {
        names: Object.keys(request.body.values),
      });
      return { values: request.body.values };
    },
  );

  registerRuleExceptionRoutes(app, options);
  registerRuleProbeRoutes(app, options);
  registerRuleBulkRoutes(app, options);
}
