import type { FastifyRequest } from 'fastify';
import type { EventStore } from '@vigil/core';
import type { AuditTrail } from '@vigil/identity';
import { auditRequest } from '../audit/request-audit.ts';
import type { DetectionService } from '../detection/detection-service.ts';
import type { ExceptionStore } from './exception-store.ts';
import type { RuleStore } from './rule-store.ts';

export interface RuleRoutesOptions {
  rules: RuleStore;
  exceptions: ExceptionStore;
  /** Stored events, for backtests. */
  events: EventStore;
  /** Management actions are audited when given (always, under buildServer). */
  audit?: AuditTrail;
  /** Per-rule counters of the running detection stage (matches, suppressed by exceptions). */
  detection?: DetectionService;
  /** Correlation lateness used by tests and backtests (ms). */
  latenessMs?: number;
}

export const RULES_BASE = '/api/v1/workspaces/:workspaceId/rules';

/** Audits a management action when an audit trail is wired. */
export async function auditRules(
  options: RuleRoutesOptions,
  request: FastifyRequest,
  event: string,
  workspace: string,
  resource: string,
  details?: Record<string, unknown>,
): Promise<void> {
  if (!options.audit) return;
  await auditRequest(options.audit, request, {
    event_type: event,
    result: 'success',
    resource,
    workspace,
    ...(details ? { details } : {}),
  });
}
