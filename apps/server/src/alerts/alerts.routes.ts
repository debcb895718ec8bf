import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import {
  alertInput,
  alertNotFound,
  alertStatuses,
  alertVersionConflict,
  severities,
  type Detection,
} from '@vigil/cases';
import type { Problem } from '@vigil/core';
import type { CasesRuntime } from './cases-runtime.ts';
import { csvAlertInput, parseCsv } from './alert-csv.ts';
import { ingestDetections } from './alert-intake.ts';
import {
  actorOf,
  applyAlertChange,
  enumList,
  invalidAlertInput,
  queryLimit,
  queryTime,
} from './alert-request.ts';
import {
  AggregationReply,
  AlertBulkBody,
  AlertCreateBody,
  AlertListQuery,
  AlertListReply,
  AlertParams,
  AlertPatchBody,
  AlertView,
  WorkspaceParams,
} from './alerts.schema.ts';

const base = '/api/v1/workspaces/:workspaceId/alerts';
/** Alerts one import may carry. */
export const MAX_IMPORT_ALERTS = 10_000;

/**
 * Alert queue routes (issue 5): list with filters and keyset pages, one alert, edit (status, owner,
 * verification, labels, close reason), bulk edit, create through the API, import JSON or CSV.
 */
export async function registerAlertRoutes(app: FastifyInstance, cases: CasesRuntime): Promise<void> {
  app.get<{ Params: Static<typeof WorkspaceParams>; Querystring: AlertListQuery }>(
    base,
    {
      config: {
        permission: 'alerts.read',
        summary: 'List alerts (filters: status, severity, rule, incident, entity, time)',
      },
      schema: { params: WorkspaceParams, querystring: AlertListQuery, response: { 200: AlertListReply } },
    },
    async (request) => {
      const q = request.query;
      const limit = queryLimit(q.limit);
      const status = enumList(q.status, alertStatuses, 'status');
      const severity = enumList(q.severity, severities, 'severity');
      const createdFrom = queryTime(q.from, 'from');
      const createdTo = queryTime(q.to, 'to');
      const alerts = await cases.alerts.list(request.params.workspaceId, {
        limit,
        ...(status === undefined ? {} : { status }),
        ...(severity === undefined ? {} : { severity }),
        ...(q.ruleId === undefined ? {} : { ruleId: q.ruleId }),
        ...(q.incidentId === undefined ? {} : { incidentId: q.incidentId }),
        ...(q.entity === undefined ? {} : { entityKey: q.entity }),
        ...(createdFrom === undefined ? {} : { createdFrom }),
        ...(createdTo === undefined ? {} : { createdTo }),
        ...(q.after === undefined ? {} : { after: q.after }),
      });
      const last = alerts.at(-1);
      return { alerts, ...(alerts.length === limit && last !== undefined ? { next: last.id } : {}) };
    },
  );

  app.get<{ Params: Static<typeof AlertParams> }>(
    `${base}/:alertId`,
    {
      config: { permission: 'alerts.read', summary: 'One alert with its entities, events and activity' },
      schema: { params: AlertParams, response: { 200: AlertView } },
    },
    async (request) => {
      const { workspaceId, alertId } = request.params;
      const alert = await cases.alerts.get(workspaceId, alertId);
      if (alert === undefined) throw alertNotFound(workspaceId, alertId);
      return alert;
    },
  );

  app.patch<{ Params: Static<typeof AlertParams>; Body: AlertPatchBody }>(
    `${base}/:alertId`,
    {
      config: {
        permission: 'alerts.write',
        summary: 'Change an alert: status, owner, verification, labels, close reason',
      },
      schema: { params: AlertParams, body: AlertPatchBody, response: { 200: AlertView } },
    },
    async (request) => {
      const { workspaceId, alertId } = request.params;
      const alert = await cases.alerts.get(workspaceId, alertId);
      if (alert === undefined) throw alertNotFound(workspaceId, alertId);
      const { version, ...change } = request.body;
      if (version !== undefined && version !== alert.version)
        throw alertVersionConflict(alertId, version, alert.version);
      const next = applyAlertChange(alert, change, actorOf(request), cases.clock.now());
      if (next === alert || next.activity.length === alert.activity.length) return alert;
      const [stored] = await cases.alerts.updateMany(workspaceId, [next]);
      return stored ?? next;
    },
  );

  app.post<{ Params: Static<typeof WorkspaceParams>; Body: AlertBulkBody }>(
    `${base}/bulk`,
    {
      config: { permission: 'alerts.write', summary: 'Change many alerts at once, all or nothing' },
      schema: {
        params: WorkspaceParams,
        body: AlertBulkBody,
        response: { 200: Type.Object({ alerts: Type.Array(AlertView) }) },
      },
    },
    async (request) => {
      const { workspaceId } = request.params;
      const { ids, ...change } = request.body;
      const unique = [...new Set(ids)];
      const found = await cases.alerts.getMany(workspaceId, unique);
      const missing = unique.find((id) => !found.some((a) => a.id === id));
      if (missing !== undefined) throw alertNotFound(workspaceId, missing);
      const actor = actorOf(request);
      const now = cases.clock.now();
      const next = found.map((a) => applyAlertChange(a, change, actor, now));
      const changed = next.filter((a, i) => a.activity.length !== found[i]?.activity.length);
      const stored = changed.length === 0 ? [] : await cases.alerts.updateMany(workspaceId, changed);
      return { alerts: next.map((a) => stored.find((s) => s.id === a.id) ?? a) };
    },
  );

  app.post<{ Params: Static<typeof WorkspaceParams>; Body: Static<typeof AlertCreateBody> }>(
    base,
    {
      config: {
        permission: 'alerts.write',
        summary: 'Create an alert (deduplicated, suppressed and grouped like detections)',
      },
      schema: { params: WorkspaceParams, body: AlertCreateBody, response: { 201: AggregationReply } },
    },
    async (request, reply) => {
      const ws = request.params.workspaceId;
      const input = alertInput(ws, request.body, 'api', cases.clock.now());
      if (!input.ok) throw invalidAlertInput(input.problems);
      return reply.status(201).send(await ingestDetections(cases, [input.detection]));
    },
  );

  // CSV arrives as text/csv: the parser is scoped to this plugin so it cannot clash with other routes.
  await app.register((scope, _opts, registered) => {
    scope.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string' }, (_req, body, done) => {
      done(null, body);
    });
    scope.post<{ Params: Static<typeof WorkspaceParams>; Body: unknown }>(
      `${base}/import`,
      {
        config: {
          permission: 'alerts.write',
          summary: 'Import alerts: a JSON array (or {alerts: […]}) or CSV with a header row; all or nothing',
        },
        schema: { params: WorkspaceParams, response: { 201: AggregationReply } },
      },
      async (request, reply) => {
        const ws = request.params.workspaceId;
        const items = importItems(request.body);
        const now = cases.clock.now();
        const problems: Problem[] = [];
        const detections: Detection[] = [];
        items.forEach((item, i) => {
          const input = alertInput(ws, item, 'import', now, `[${i}]`);
          if (input.ok) detections.push(input.detection);
          else problems.push(...input.problems);
        });
        if (problems.length > 0) throw invalidAlertInput(problems);
        return reply.status(201).send(await ingestDetections(cases, detections));
      },
    );
    registered();
  });
}

function importItems(body: unknown): unknown[] {
  let items: unknown;
  if (typeof body === 'string') items = parseCsv(body).map(csvAlertInput);
  else if (Array.isArray(body)) items = body;
  else if (body !== null && typeof body === 'object') items = (body as Record<string, unknown>)['alerts'];
  if (!Array.isArray(items) || items.length === 0) {
    throw invalidAlertInput([
      { where: '(body)', message: 'expected a non-empty JSON array of alerts or CSV with a header row' },
    ]);
  }
  if (items.length > MAX_IMPORT_ALERTS) {
    throw invalidAlertInput([{ where: '(body)', message: `at most ${MAX_IMPORT_ALERTS} alerts per import` }]);
  }
  return items;
}
