// The alert routes (apps/server/src/alerts/alerts.routes.ts): list with filters and keyset pages, one
// alert, edit, bulk edit.
import { apiJson } from '../api/api-client.ts';
import { obj, str } from '../admin/parse.ts';
import { parseAlert, parseAlerts, type AlertView } from './parse-alert.ts';

export const alertsBase = (workspaceId: string) =>
  `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/alerts`;

export interface AlertFilter {
  readonly status: string;
  readonly severity: string;
}

export interface AlertPage {
  readonly alerts: AlertView[];
  readonly next: string | undefined;
}

export const PAGE_SIZE = 50;

export async function listAlerts(
  workspaceId: string,
  filter: AlertFilter,
  after: string | undefined,
  signal: AbortSignal,
): Promise<AlertPage> {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (filter.status !== '') params.set('status', filter.status);
  if (filter.severity !== '') params.set('severity', filter.severity);
  if (after !== undefined) params.set('after', after);
  const body = obj(await apiJson('GET', `${alertsBase(workspaceId)}?${params}`, undefined, { signal }));
  return { alerts: parseAlerts(body['alerts']), next: str(body['next']) };
}

/** Alerts of the last day at these severities, newest first (the notification centre's start). */
export async function recentAlerts(
  workspaceId: string,
  severities: readonly string[],
  signal: AbortSignal,
): Promise<AlertView[]> {
  const params = new URLSearchParams({
    limit: '200',
    severity: severities.join(','),
    from: new Date(Date.now() - 86_400_000).toISOString(),
  });
  const body = obj(await apiJson('GET', `${alertsBase(workspaceId)}?${params}`, undefined, { signal }));
  return parseAlerts(body['alerts']).sort((a, b) => b.createdAt - a.createdAt);
}

export async function getAlert(workspaceId: string, alertId: string, signal: AbortSignal) {
  const body = await apiJson('GET', `${alertsBase(workspaceId)}/${encodeURIComponent(alertId)}`, undefined, {
    signal,
  });
  const alert = parseAlert(body);
  if (alert === undefined) throw new Error('The server sent no alert');
  return alert;
}

/** Status (with close reason and comment), owner (null clears), verification. */
export interface AlertChange {
  status?: string;
  closeReason?: string;
  closeComment?: string;
  owner?: string | null;
  verification?: string;
}

export const patchAlert = (workspaceId: string, alertId: string, change: AlertChange, version?: number) =>
  apiJson('PATCH', `${alertsBase(workspaceId)}/${encodeURIComponent(alertId)}`, {
    ...change,
    ...(version === undefined ? {} : { version }),
  });

export const bulkAlerts = (workspaceId: string, ids: readonly string[], change: AlertChange) =>
  apiJson('POST', `${alertsBase(workspaceId)}/bulk`, { ids, ...change });
