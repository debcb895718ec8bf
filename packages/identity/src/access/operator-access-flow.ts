import type { Clock, IdGenerator } from '@vigil/core';
import {
  expandPermissionPattern,
  permissionScope,
  isPermission,
  type Permission,
} from './permission-catalogue.ts';
import { operatorAccessStatusAt, type OperatorAccessGrant } from './operator-access.ts';
import { hasPlatformPermission, hasWorkspacePermission } from './authorize.ts';
import type { Principal } from './principal.ts';
import {
  operatorAccessForbidden,
  operatorAccessInvalid,
  operatorAccessSelfApproval,
  operatorAccessWrongState,
} from './operator-access.error.ts';

/** At most one working day per grant: longer needs a new request and a new approval. */
export const OPERATOR_ACCESS_MAX_MS = 8 * 3_600_000;

/** Never grantable to operators: they would let an operator extend or hide their own access. */
export const OPERATOR_FORBIDDEN_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>([
  'users.manage',
  'roles.manage',
  'tokens.manage',
  'workspace.delete',
  'audit.read',
  'operator_access.read',
  'privacy.manage',
]);

/** Read-only by default: what an operator needs to diagnose a problem a workspace owner reported. */
export const OPERATOR_DEFAULT_PERMISSIONS: readonly Permission[] = Object.freeze(
  expandPermissionPattern('*', 'workspace').filter(
    (p) => (p.endsWith('.read') || p === 'events.search') && !OPERATOR_FORBIDDEN_PERMISSIONS.has(p),
  ),
);

export interface OperatorAccessRequest {
  workspaceId: string;
  ticket: string;
  reason: string;
  durationMs: number;
  permissions?: readonly string[];
}

/** An operator asks for access; the result is stored and audited as `operator_access.requested`. */
export function requestOperatorAccess(
  requester: Principal,
  input: OperatorAccessRequest,
  clock: Clock,
  ids: IdGenerator,
): OperatorAccessGrant {
  if (requester.disabled || !hasPlatformPermission(requester, 'operator_access.request')) {
    throw operatorAccessForbidden('Only platform operators can request operator access');
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9_.:#/-]{0,63}$/.test(input.ticket)) {
    throw operatorAccessInvalid(
      "A request must name the workspace owner's ticket (1–64 characters)",
      'ticket',
    );
  }
  if (input.workspaceId.length === 0)
    throw operatorAccessInvalid('A request names exactly one workspace', 'workspaceId');
  if (input.reason.trim().length === 0) throw operatorAccessInvalid('A request must give a reason', 'reason');
  if (
    !Number.isInteger(input.durationMs) ||
    input.durationMs <= 0 ||
    input.durationMs > OPERATOR_ACCESS_MAX_MS
  ) {
    throw operatorAccessInvalid(
      `Duration must be between 1 ms and ${OPERATOR_ACCESS_MAX_MS / 3_600_000} h`,
      'durationMs',
    );
  }
  const permissions = new Set<Permission>();
  for (const p of input.permissions ?? OPERATOR_DEFAULT_PERMISSIONS) {
    if (!isPermission(p) || permissionScope(p) !== 'workspace') {
      throw operatorAccessInvalid(`"${p}" is not a workspace permission`, 'permissions');
    }
    if (OPERATOR_FORBIDDEN_PERMISSIONS.has(p)) {
      throw operatorAccessInvalid(`"${p}" cannot be granted to operators`, 'permissions');
    }
    permissions.add(p);
  }
  return {
    id: ids.next(),
    workspaceId: input.workspaceId,
    operatorId: requester.id,
    ticket: input.ticket,
    reason: input.reason.trim(),
    permissions: [...permissions].sort(),
    durationMs: input.durationMs,
    status: 'requested',
    requestedAt: clock.now(),
  };
}

function decide(
  grant: OperatorAccessGrant,
  decider: Principal,
  action: 'approve' | 'reject',
  clock: Clock,
): { now: number } {
  const status = operatorAccessStatusAt(grant, clock.now());
  if (status !== 'requested') throw operatorAccessWrongState(status, action);
  if (decider.id === grant.operatorId) throw operatorAccessSelfApproval();
  if (decider.disabled || !hasPlatformPermission(decider, 'operator_access.approve')) {
    throw operatorAccessForbidden('Only a security manager can decide operator-access requests');
  }
  return { now: clock.now() };
}

/** A security manager other than the requester approves; the access runs from now for `durationMs`. */
export function approveOperatorAccess(
  grant: OperatorAccessGrant,
  approver: Principal,
  clock: Clock,
  note?: string,
): OperatorAccessGrant {
  const { now } = decide(grant, approver, 'approve', clock);
  return {
    ...grant,
    status: 'approved',
    decidedBy: approver.id,
    decidedAt: now,
    expiresAt: now + grant.durationMs,
    ...(note === undefined ? {} : { decisionNote: note }),
  };
}

export function rejectOperatorAccess(
  grant: OperatorAccessGrant,
  approver: Principal,
  clock: Clock,
  note?: string,
): OperatorAccessGrant {
  const { now } = decide(grant, approver, 'reject', clock);
  return {
    ...grant,
    status: 'rejected',
    decidedBy: approver.id,
    decidedAt: now,
    ...(note === undefined ? {} : { decisionNote: note }),
  };
}

/**
 * Ends an approved grant early. Allowed to a security manager, to the operator holding it, and to anyone
 * who manages roles in the workspace (the owner sees every grant and can cut it short).
 */
export function revokeOperatorAccess(
  grant: OperatorAccessGrant,
  by: Principal,
  clock: Clock,
): OperatorAccessGrant {
  const now = clock.now();
  const status = operatorAccessStatusAt(grant, now);
  if (status !== 'approved') throw operatorAccessWrongState(status, 'revoke');
  const allowed =
    !by.disabled &&
    (by.id === grant.operatorId ||
      hasPlatformPermission(by, 'operator_access.approve') ||
      hasWorkspacePermission(by, grant.workspaceId, 'roles.manage'));
  if (!allowed) throw operatorAccessForbidden('Not allowed to revoke this operator-access grant');
  return { ...grant, status: 'revoked', revokedBy: by.id, revokedAt: now };
}

/** Stores the `expired` state of an approved grant past its time (for the sweeper, which then audits it). */
export function expireOperatorAccess(grant: OperatorAccessGrant, clock: Clock): OperatorAccessGrant {
  return grant.status === 'approved' && operatorAccessStatusAt(grant, clock.now()) === 'expired'
    ? { ...grant, status: 'expired' }
    : grant;
}
