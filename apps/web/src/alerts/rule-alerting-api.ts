// A rule's alerting settings (apps/server/src/alerts/rule-alerting.routes.ts): dedup fields and window.
import { apiJson } from '../api/api-client.ts';
import { obj, strs } from '../admin/parse.ts';

export interface RuleAlertingView {
  readonly dedupFields: readonly string[];
  readonly dedupWindowSeconds: number;
  readonly isDefault: boolean;
}

export function parseRuleAlerting(body: unknown): RuleAlertingView {
  const o = obj(body);
  const w = o['dedupWindowSeconds'];
  return {
    dedupFields: strs(o['dedupFields']),
    dedupWindowSeconds: typeof w === 'number' && Number.isInteger(w) && w > 0 ? w : 3600,
    isDefault: o['isDefault'] !== false,
  };
}

const url = (workspaceId: string, ruleId: string) =>
  `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/rules/${encodeURIComponent(ruleId)}/alerting`;

export async function getRuleAlerting(workspaceId: string, ruleId: string, signal: AbortSignal) {
  return parseRuleAlerting(await apiJson('GET', url(workspaceId, ruleId), undefined, { signal }));
}

export const putRuleAlerting = (
  workspaceId: string,
  ruleId: string,
  settings: { dedupFields: readonly string[]; dedupWindowSeconds: number },
) => apiJson('PUT', url(workspaceId, ruleId), settings);

export const resetRuleAlerting = (workspaceId: string, ruleId: string) =>
  apiJson('DELETE', url(workspaceId, ruleId));

/** `source.ip, host.name` → ['source.ip', 'host.name'] (commas or spaces). */
export const fieldsFromText = (text: string): string[] => text.split(/[\s,]+/).filter((f) => f !== '');
