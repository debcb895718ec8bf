// Operator access (apps/server/src/workspaces/operator-access.routes.ts): the workspace owner's view of
// grants and their use, and the security manager's queue of pending requests.
import { apiJson } from '../api/api-client.ts';
import { parseAuditRecords, type AuditRecord } from '../audit/audit-api.ts';
import { obj, objects, str, strs, type Json } from './parse.ts';

export interface OperatorGrant {
  readonly id: string;
  readonly workspaceId: string;
  readonly operatorId: string;
  readonly ticket: string;
  readonly reason: string;
  readonly permissions: readonly string[];
  readonly durationMinutes: number | undefined;
  readonly status: string;
  readonly requestedAt: string | undefined;
  readonly decidedBy: string | undefined;
  readonly decidedAt: string | undefined;
  readonly decisionNote: string | undefined;
  readonly expiresAt: string | undefined;
  readonly revokedAt: string | undefined;
}

function grant(g: Json): OperatorGrant | undefined {
  const id = str(g['id']);
  if (id === undefined) return undefined;
  const durationMs = g['durationMs'];
  return {
    id,
    workspaceId: str(g['workspaceId']) ?? '',
    operatorId: str(g['operatorId']) ?? '',
    ticket: str(g['ticket']) ?? '',
    reason: str(g['reason']) ?? '',
    permissions: strs(g['permissions']),
    durationMinutes: typeof durationMs === 'number' ? Math.round(durationMs / 60_000) : undefined,
    status: str(g['status']) ?? 'unknown',
    requestedAt: str(g['requestedAt']),
    decidedBy: str(g['decidedBy']),
    decidedAt: str(g['decidedAt']),
    decisionNote: str(g['decisionNote']),
    expiresAt: str(g['expiresAt']),
    revokedAt: str(g['revokedAt']),
  };
}

/** An approved grant past its expiry is expired even before the server's sweeper stores that. */
export function statusAt(g: OperatorGrant, now: number): string {
  if (g.status === 'approved' && g.expiresAt !== undefined && Date.parse(g.expiresAt) <= now)
    return 'expired';
  return g.status;
}

export interface WorkspaceOperatorAccess {
  readonly grants: readonly OperatorGrant[];
  readonly log: readonly AuditRecord[];
}

export async function workspaceOperatorAccess(
  workspaceId: string,
  signal: AbortSignal,
): Promise<WorkspaceOperatorAccess> {
  const body = obj(
    await apiJson('GET', `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/operator-access`, undefined, {
      signal,
    }),
  );
  return {
    grants: objects(body['grants']).flatMap((g) => grant(g) ?? []),
    log: parseAuditRecords(body['log']),
  };
}

export const revokeWorkspaceGrant = (workspaceId: string, grantId: string) =>
  apiJson(
    'POST',
    `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/operator-access/${encodeURIComponent(grantId)}/revoke`,
  );

export async function pendingRequests(signal: AbortSignal): Promise<OperatorGrant[]> {
  const body = obj(await apiJson('GET', '/api/v1/operator-access/pending', undefined, { signal }));
  return objects(body['requests']).flatMap((g) => grant(g) ?? []);
}

export const decideRequest = (grantId: string, decision: 'approve' | 'reject', note: string) =>
  apiJson(
    'POST',
    `/api/v1/operator-access/${encodeURIComponent(grantId)}/${decision}`,
    note.trim() === '' ? {} : { note: note.trim() },
  );

/** The signed-in operator's own requests, any status, newest first. */
export async function myRequests(signal: AbortSignal): Promise<OperatorGrant[]> {
  const body = obj(await apiJson('GET', '/api/v1/operator-access/mine', undefined, { signal }));
  return objects(body['requests']).flatMap((g) => grant(g) ?? []);
}

export interface AccessRequestInput {
  readonly workspaceId: string;
  readonly ticket: string;
  readonly reason: string;
  readonly durationMinutes: number;
}

export const requestAccess = (input: AccessRequestInput) => apiJson('POST', '/api/v1/operator-access', input);
