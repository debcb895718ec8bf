import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { userError } from '@vigil/core';
import type { AuditQuery } from '@vigil/identity';
import type { IdentityRuntime } from '../auth/identity-runtime.ts';
import { auditRequest } from './request-audit.ts';
import { auditRecordsToCsv } from './audit-csv.ts';
import { verifyStoredAudit } from './verify-stored-audit.ts';

const Params = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 64 }) });
/** The filters the viewer and the export share, so an export is exactly what the viewer showed. */
const Filters = {
  eventType: Type.Optional(Type.String({ maxLength: 100 })),
  userId: Type.Optional(Type.String({ maxLength: 128 })),
  result: Type.Optional(
    Type.Union([Type.Literal('success'), Type.Literal('failure'), Type.Literal('denied')]),
  ),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
};
const Query = Type.Object(
  {
    ...Filters,
    /** Paging cursor: the `next` of the previous page (records after it in the chosen order). */
    afterSeq: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })),
    beforeSeq: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
  },
  { additionalProperties: false },
);
const ExportQuery = Type.Object(
  { ...Filters, format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])) },
  { additionalProperties: false },
);

/** Most records one export returns; larger logs are exported in slices with `afterSeq`. */
const EXPORT_MAX = 100_000;

function filters(workspace: string, q: Static<typeof ExportQuery>, order: 'asc' | 'desc'): AuditQuery {
  if (q.from !== undefined && q.to !== undefined && Date.parse(q.from) > Date.parse(q.to)) {
    throw userError('AUDIT_RANGE_INVALID', 'from must not be after to', {
      status: 400,
      details: { field: 'from' },
    });
  }
  return {
    workspace,
    order,
    ...(q.eventType === undefined ? {} : { eventType: q.eventType }),
    ...(q.userId === undefined ? {} : { userId: q.userId }),
    ...(q.result === undefined ? {} : { result: q.result }),
    ...(q.from === undefined ? {} : { from: new Date(q.from).toISOString() }),
    ...(q.to === undefined ? {} : { to: new Date(q.to).toISOString() }),
  };
}

/** The viewer shows newest first unless asked otherwise; `afterSeq`/`beforeSeq` page in either order. */
function query(workspace: string, q: Static<typeof Query>): AuditQuery {
  const limit = q.limit === undefined ? 100 : Math.min(Math.max(Number(q.limit), 1), 1000);
  return {
    ...filters(workspace, q, q.order ?? 'desc'),
    limit,
    ...(q.afterSeq === undefined ? {} : { afterSeq: Number(q.afterSeq) }),
    ...(q.beforeSeq === undefined ? {} : { beforeSeq: Number(q.beforeSeq) }),
  };
}

/** What was asked for, recorded with the read so the audit trail shows what an auditor looked at. */
function auditedFilters(q: AuditQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['eventType', 'userId', 'result', 'from', 'to', 'order'] as const) {
    const value = q[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * The audit log, read-only by design: no route edits or deletes a record. Reading needs `audit.read`
 * in the workspace, and every read or export is itself audited.
 */
export function registerAuditRoutes(app: FastifyInstance, rt: IdentityRuntime): void {
  app.get<{ Params: Static<typeof Params>; Querystring: Static<typeof Query> }>(
    '/api/v1/workspaces/:workspaceId/audit',
    {
      config: {
        permission: 'audit.read',
        summary: 'Audit records of the workspace (filtered, paged by seq)',
      },
      schema: { params: Params, querystring: Query },
    },
    async (request) => {
      const { workspaceId } = request.params;
      const q = query(workspaceId, request.query);
      const records = await rt.stores.audit.find(q);
      await auditRequest(rt.audit, request, {
        event_type: 'audit.read',
        result: 'success',
        resource: `audit:${workspaceId}`,
        workspace: workspaceId,
        details: { returned: records.length, filters: auditedFilters(q) },
      });
      const last = records.at(-1);
      const more = last && records.length === q.limit;
      // `next` goes into afterSeq (oldest first) or beforeSeq (newest first) of the following request.
      return {
        records,
        ...(more ? { next: String(last.seq), nextParam: q.order === 'asc' ? 'afterSeq' : 'beforeSeq' } : {}),
      };
    },
  );

  app.get<{ Params: Static<typeof Params>; Querystring: Static<typeof ExportQuery> }>(
    '/api/v1/workspaces/:workspaceId/audit/export',
    {
      config: { permission: 'audit.read', summary: 'Export the workspace audit log as JSON or CSV' },
      schema: { params: Params, querystring: ExportQuery },
    },
    async (request, reply) => {
      const { workspaceId } = request.params;
      const format = request.query.format ?? 'json';
      // Exports read oldest first unless asked otherwise: the natural order of a log file.
      const base = filters(workspaceId, request.query, request.query.order ?? 'asc');
      const records = [];
      let cursor: number | undefined;
      while (records.length < EXPORT_MAX) {
        const page = await rt.stores.audit.find({
          ...base,
          limit: Math.min(1000, EXPORT_MAX - records.length),
          ...(cursor === undefined
            ? {}
            : base.order === 'desc'
              ? { beforeSeq: cursor }
              : { afterSeq: cursor }),
        });
        records.push(...page);
        const last = page.at(-1);
        if (page.length < 1000 || !last) break;
        cursor = last.seq;
      }
      await auditRequest(rt.audit, request, {
        event_type: 'audit.exported',
        result: 'success',
        resource: `audit:${workspaceId}`,
        workspace: workspaceId,
        details: { format, records: records.length, filters: auditedFilters(base) },
      });
      const name = `vigil-audit-${workspaceId}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(auditRecordsToCsv(records));
      return { records };
    },
  );

  app.get(
    '/api/v1/audit/verification',
    {
      config: {
        permission: 'platform.audit.read',
        summary: 'Verify the audit hash chain and signed checkpoints',
      },
    },
    async (request) => {
      const result = await verifyStoredAudit(rt.stores.audit, rt.auditPublicKey);
      await auditRequest(rt.audit, request, {
        event_type: 'audit.verified',
        result: result.ok ? 'success' : 'failure',
        resource: 'audit:chain',
        details: { problems: result.problems.length },
      });
      return result;
    },
  );
}
