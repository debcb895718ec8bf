import type { Permission } from './permission-catalogue.ts';

export type OperatorAccessStatus = 'requested' | 'approved' | 'rejected' | 'expired' | 'revoked';

/**
 * Time-boxed access of a platform operator to one workspace (DESIGN §7, seed 000): requested against the
 * workspace owner's ticket, approved by a different security manager, expiring by itself, revocable.
 * Lifecycle: `requested → approved | rejected`, `approved → expired | revoked`.
 */
export interface OperatorAccessGrant {
  id: string;
  workspaceId: string;
  /** The operator asking for (and then holding) access. */
  operatorId: string;
  /** The workspace owner's ticket the request answers. */
  ticket: string;
  reason: string;
  permissions: readonly Permission[];
  /** Length of the access once approved. */
  durationMs: number;
  status: OperatorAccessStatus;
  requestedAt: number;
  decidedBy?: string;
  decidedAt?: number;
  decisionNote?: string;
  /** Set at approval: decidedAt + durationMs. */
  expiresAt?: number;
  revokedBy?: string;
  revokedAt?: number;
}

/** The status at `now`: an approved grant past its expiry is expired even before a sweeper stores that. */
export function operatorAccessStatusAt(grant: OperatorAccessGrant, now: number): OperatorAccessStatus {
  if (grant.status === 'approved' && (grant.expiresAt === undefined || now >= grant.expiresAt))
    return 'expired';
  return grant.status;
}

/** True when the grant lets its operator act in `workspaceId` at `now`. */
export function isOperatorAccessActive(
  grant: OperatorAccessGrant,
  workspaceId: string,
  now: number,
): boolean {
  return grant.workspaceId === workspaceId && operatorAccessStatusAt(grant, now) === 'approved';
}
