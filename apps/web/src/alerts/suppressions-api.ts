// The suppression-rule routes (apps/server/src/alerts/suppressions.routes.ts): list, edit, end.
import { apiJson } from '../api/api-client.ts';
import { parseSuppressions, type SuppressionView } from './parse-suppression.ts';

const base = (workspaceId: string) =>
  `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/alert-suppressions`;

export async function listSuppressions(workspaceId: string, signal: AbortSignal): Promise<SuppressionView[]> {
  return parseSuppressions(await apiJson('GET', base(workspaceId), undefined, { signal }));
}

export interface SuppressionChange {
  match?: Record<string, string[]>;
  durationMs?: number;
  reason?: string;
  enabled?: boolean;
}

export const patchSuppression = (workspaceId: string, id: string, change: SuppressionChange) =>
  apiJson('PATCH', `${base(workspaceId)}/${encodeURIComponent(id)}`, change);

export const endSuppression = (workspaceId: string, id: string) =>
  apiJson('DELETE', `${base(workspaceId)}/${encodeURIComponent(id)}`);
