import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  authorize,
  authorizePlatform,
  csrfRejected,
  isPermission,
  isWorkspaceWrite,
  permissionScope,
  requiresCsrfCheck,
  verifyCsrfToken,
  workspaceWriteRefusal,
  type Authorization,
} from '@vigil/identity';
import { AUTHENTICATED, PUBLIC, isSelfAuthenticated } from '../http/route-config.ts';
import { auditRequest } from '../audit/request-audit.ts';
import { registerWriteAudit } from '../audit/register-write-audit.ts';
import type { IdentityRuntime } from './identity-runtime.ts';
import { authenticateRequest } from './authenticate-request.ts';
import { forbidden, mfaEnrolmentRequired, passwordChangeRequired } from './auth.error.ts';
import type { RequestAuth } from './request-auth.ts';
import './request-auth.ts';

function workspaceParam(request: FastifyRequest): string | undefined {
  const value = (request.params as Record<string, unknown> | undefined)?.['workspaceId'];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function decide(
  rt: IdentityRuntime,
  auth: RequestAuth,
  permission: string,
  ws: string | undefined,
): Authorization {
  if (isPermission(permission) && permissionScope(permission) === 'platform') {
    return authorizePlatform(auth.principal, permission);
  }
  if (ws === undefined) return { allowed: false, reason: `${permission} needs a workspace in the path` };
  return authorize(auth.principal, ws, permission, rt.clock);
}

/**
 * The one gate in front of every route (DESIGN §7, deny by default), run before the body is read:
 * public routes pass; routes that check their own credential (`auth: 'ingest-token'`…) pass to it;
 * every other route needs a valid session cookie or API key (else 401), a CSRF token on
 * cookie-authenticated writes, and its declared permission in the `:workspaceId` of the path, or a
 * platform permission (else 403). Denials are audited.
 */
export function registerAuthentication(app: FastifyInstance, rt: IdentityRuntime): void {
  app.decorateRequest('auth', undefined);
  app.decorateRequest('audited', false);
  registerWriteAudit(app, rt.audit);
  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    const permission = config.permission;
    // Unmatched URLs reach the 404 handler, which has no permission and serves nothing.
    if (permission === undefined || permission === PUBLIC || isSelfAuthenticated(config.auth)) return;
    const auth = await authenticateRequest(rt, request, reply);
    request.auth = auth;
    if (
      auth.via === 'session' &&
      auth.sessionId !== undefined &&
      requiresCsrfCheck(request.method) &&
      !verifyCsrfToken(auth.sessionId, headerValue(request.headers['x-csrf-token']), rt.csrfSecret)
    ) {
      await auditRequest(rt.audit, request, {
        event_type: 'access.denied',
        result: 'denied',
        resource: `route:${request.method} ${request.routeOptions.url ?? ''}`,
        details: { reason: 'csrf' },
      });
      throw csrfRejected();
    }
    if (permission === AUTHENTICATED) return;
    if (auth.user?.mustChangePassword === true) throw passwordChangeRequired();
    const ws = workspaceParam(request);
    const decision = decide(rt, auth, permission, ws);
    if (!decision.allowed) {
      await auditRequest(rt.audit, request, {
        event_type: 'access.denied',
        result: 'denied',
        resource: `route:${request.method} ${request.routeOptions.url ?? ''}`,
        workspace: ws ?? null,
        details: { permission, reason: decision.reason },
      });
      throw forbidden(permission, ws);
    }
    const write = ws !== undefined && isWorkspaceWrite(request.method, permission);
    if (ws !== undefined && (write || (auth.via === 'session' && auth.session?.mfa !== true))) {
      const workspace = await rt.stores.workspaces.get(ws);
      if (auth.via === 'session' && auth.session?.mfa !== true && workspace?.mfaRequired === true) {
        throw mfaEnrolmentRequired(ws);
      }
      // Archived (or deletion-scheduled) workspaces stay readable; every write is refused here, once.
      const refusal = write ? workspaceWriteRefusal(workspace) : undefined;
      if (refusal) throw refusal;
    }
    if (decision.via.kind === 'operator_access') {
      await auditRequest(rt.audit, request, {
        event_type: 'operator_access.used',
        result: 'success',
        resource: `route:${request.method} ${request.routeOptions.url ?? ''}`,
        workspace: ws ?? null,
        details: { grantId: decision.via.grantId, permission },
      });
    }
  });
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
