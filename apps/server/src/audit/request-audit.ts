import type { FastifyRequest } from 'fastify';
import type { AuditEntry, AuditRecord, AuditResult, AuditTrail } from '@vigil/identity';

export interface AuditFacts {
  event_type: string;
  result: AuditResult;
  resource?: string | null;
  workspace?: string | null;
  /** Defaults to the authenticated principal (null when there is none, e.g. a failed login). */
  user_id?: string | null;
  /** Non-secret facts only: never passwords, tokens, codes or seeds. */
  details?: Record<string, unknown>;
}

/** The audit entry of one request: who (user or API key), from where (IP, user agent), which request. */
export function requestAuditEntry(request: FastifyRequest, facts: AuditFacts): AuditEntry {
  const auth = request.auth;
  const agent = request.headers['user-agent'];
  return {
    event_type: facts.event_type,
    user_id: facts.user_id !== undefined ? facts.user_id : (auth?.principal.id ?? null),
    resource: facts.resource ?? null,
    workspace: facts.workspace ?? null,
    client_ip: request.ip,
    client_id: auth?.token
      ? `api_key:${auth.token.id}`
      : typeof agent === 'string'
        ? agent.slice(0, 256)
        : null,
    result: facts.result,
    request_id: request.id,
    ...(facts.details ? { details: facts.details } : {}),
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set once a handler wrote its own audit record; the catch-all audit of writes then stays quiet. */
    audited?: boolean;
  }
}

/** Appends one audit record for this request (resolves once durable). */
export function auditRequest(
  trail: AuditTrail,
  request: FastifyRequest,
  facts: AuditFacts,
): Promise<AuditRecord> {
  request.audited = true;
  return trail.record(requestAuditEntry(request, facts));
}
