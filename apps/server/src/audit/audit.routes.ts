import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { AuditQuery } from '@vigil/identity';
import type { IdentityRuntime } from '../auth/identity-runtime.ts';
import { auditRequest } from './request-audit.ts';
import { auditRecordsToCsv } from './audit-csv.ts';
import { verifyStoredAudit } from './verify-stored-audit.ts';

const Params = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 64 }) });
const Query = Type.Object(
  {
    eventType: Type.Optional(Type.String({ maxLength: 100 })),
    userId: Type.Optional(Type.String({ maxLength: 128 })),
    result: Type.Optional(
      Type.Union([Type.Literal('success'), Type.Literal('failure'), Type.Literal('denied')]),
    ),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    afterSeq: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
  },
  { additionalProperties: false },
);
const ExportQuery = Type.Object(
  { format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])) },
  { additionalProperties: false },
);

/** Most records one export returns; larger logs are exported in slices with `afterSeq`. */
const EXPORT_MAX = 100_000;

function query(workspace: string, q: Static<typeof Query>): AuditQuery {
  const limit = q.limit === undefined ? 100 : Math.min(Math.max(Number(q.limit), 1), 1000);
  return {
    workspace,
    limit,
    ...(q.eventType === undefined ? {} : { eventType: q.eventType }),
    ...(q.userId === undefined ? {} : { userId: q.userId }),
    ...(q.result === undefined ? {} : { result: q.result }),
    ...(q.from === undefined ? {} : { from: new Date(q.from).toISOString() }),
    ...(q.to === undefined ? {} : { to: new Date(q.to).toISOString() }),
    ...(q.afterSeq === undefined ? {} : { afterSeq: Number(q.afterSeq) }),
  };
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
        details: { returned: records.length },
      });
      const last = records.at(-1);
      return { records, ...(last && records.length === q.limit ? { next: String(last.seq) } : {}) };
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
      const records = [];
      for (let after = 0; records.length < EXPORT_MAX;) {
        const page = await rt.stores.audit.find({ workspace: workspaceId, afterSeq: after, limit: 1000 });
        records.push(...page);
        const last = page.at(-1);
        if (page.length < 1000 || !last) break;
        after = last.seq;
      }
      await auditRequest(rt.audit, request, {
        event_type: 'audit.exported',
        result: 'success',
        resource: `audit:${workspaceId}`,
        workspace: workspaceId,
        details: { format, records: records.length },
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
