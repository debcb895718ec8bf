import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { userError } from '@vigil/core';
import { filterRules } from './rule-list.ts';
import { auditRules, RULES_BASE } from './rule-routes-options.ts';
import type { RuleRoutesOptions } from './rule-routes-options.ts';
import { BulkEnableBody, WorkspaceParams } from './rules.schema.ts';

type Body = Static<typeof BulkEnableBody>;

/** The ids a bulk action names: its `ids`, or the rules its `filter` selects now. */
async function targetIds(options: RuleRoutesOptions, ws: string, body: Body): Promise<string[]> {
  if ((body.ids === undefined) === (body.filter === undefined))
    throw userError('RULES_BULK_INVALID', 'send either "ids" or "filter", not both and not neither', {
      details: { field: body.ids === undefined ? 'ids' : 'filter' },
    });
  if (body.ids !== undefined) return body.ids;
  const filter = body.filter ?? {};
  if (Object.keys(filter).length === 0)
    throw userError(
      'RULES_BULK_INVALID',
      'the filter needs at least one criterion (q, level, tag, logsource, status, type)',
      {
        details: { field: 'filter' },
      },
    );
  const all = await options.rules.all(ws);
  return filterRules(all, { ...filter, limit: all.length }).rules.map((r) => r.id);
}

/**
 * Bulk enable/disable (issue 3): by ids or by a list filter (tag, level, logsource, search text…),
 * all or nothing (see RuleStore.setEnabledMany), audited as one action naming the rules changed.
 */
export function registerRuleBulkRoutes(app: FastifyInstance, options: RuleRoutesOptions): void {
  app.post<{ Params: Static<typeof WorkspaceParams>; Body: Body }>(
    `${RULES_BASE}/bulk-enable`,
    {
      config: {
        permission: 'rules.write',
        summary: 'Enable or disable many rules at once: {enabled, ids} or {enabled, filter}',
      },
      schema: { params: WorkspaceParams, body: BulkEnableBody },
    },
    async (request) => {
      const ws = request.params.workspaceId;
      const { enabled } = request.body;
      const ids = await targetIds(options, ws, request.body);
      const result = await options.rules.setEnabledMany(ws, ids, enabled);
      await auditRules(
        options,
        request,
        enabled ? 'rules.bulk_enabled' : 'rules.bulk_disabled',
        ws,
        `rules:${ws}`,
        {
          selected: ids.length,
          changed: result.changed.length,
          ...(request.body.filter === undefined ? {} : { filter: request.body.filter }),
          ids: result.changed.slice(0, 1000),
        },
      );
      return {
        enabled,
        selected: ids.length,
        changed: result.changed,
        unchanged: result.unchanged.length,
      };
    },
  );
}
