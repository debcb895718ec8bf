import type { FastifyInstance } from 'fastify';
import type { AuditResult, AuditTrail } from '@vigil/identity';
import { PUBLIC, isSelfAuthenticated } from '../http/route-config.ts';
import { auditRequest } from './request-audit.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

function resultOf(status: number): AuditResult {
  if (status === 401 || status === 403) return 'denied';
  return status < 400 ? 'success' : 'failure';
}

/**
 * The safety net behind "every management action is audited" (DESIGN §7): any authenticated write
 * (POST/PUT/PATCH/DELETE) to a management route whose handler did not write its own audit record gets
 * a generic `api.write` record (route, method, status) once answered. Ingest routes are the data plane
 * and are counted, not audited; public routes audit themselves (login, set-up).
 */
export function registerWriteAudit(app: FastifyInstance, trail: AuditTrail): void {
  app.addHook('onResponse', async (request, reply) => {
    const config = request.routeOptions.config;
    if (
      request.audited === true ||
      READS.has(request.method) ||
      request.auth === undefined ||
      config.permission === undefined ||
      config.permission === PUBLIC ||
      isSelfAuthenticated(config.auth)
    ) {
      return;
    }
    const ws = (request.params as Record<string, unknown> | undefined)?.['workspaceId'];
    await auditRequest(trail, request, {
      event_type: 'api.write',
      result: resultOf(reply.statusCode),
      resource: `route:${request.method} ${request.routeOptions.url ?? ''}`,
      workspace: typeof ws === 'string' ? ws : null,
      details: { status: reply.statusCode, permission: config.permission },
    }).catch((err: unknown) => request.log.error({ err }, 'audit record failed'));
  });
}
