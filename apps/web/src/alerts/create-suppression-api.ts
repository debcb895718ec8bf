// Creating a suppression rule (POST …/alert-suppressions, apps/server/src/alerts/suppressions.routes.ts).
import { apiJson } from '../api/api-client.ts';
import { parseSuppression, type SuppressionView } from './parse-suppression.ts';

export interface NewSuppression {
  /** Absent: every rule. */
  ruleId?: string;
  match: Record<string, string[]>;
  durationMs: number;
  reason: string;
}

export async function createSuppression(
  workspaceId: string,
  rule: NewSuppression,
): Promise<SuppressionView | undefined> {
  return parseSuppression(
    await apiJson('POST', `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/alert-suppressions`, rule),
  );
}

/** The raw alert, for the entity fields the console's alert parser leaves out. */
export const getRawAlert = (workspaceId: string, alertId: string, signal: AbortSignal) =>
  apiJson(
    'GET',
    `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/alerts/${encodeURIComponent(alertId)}`,
    undefined,
    { signal },
  );
