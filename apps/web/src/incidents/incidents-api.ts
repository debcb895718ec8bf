// The incident routes (apps/server/src/incidents/incidents.routes.ts): list, detail, edit, comment.
import { apiJson } from '../api/api-client.ts';
import { obj, str } from '../admin/parse.ts';
import { parseIncidentDetail, parseIncidents, type IncidentView } from './parse-incident.ts';

const base = (workspaceId: string) => `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/incidents`;
const one = (workspaceId: string, incidentId: string) =>
  `${base(workspaceId)}/${encodeURIComponent(incidentId)}`;

export const INCIDENT_PAGE_SIZE = 50;

export interface IncidentFilter {
  readonly status: string;
  readonly severity: string;
}

export async function listIncidents(
  workspaceId: string,
  filter: IncidentFilter,
  after: string | undefined,
  signal: AbortSignal,
): Promise<{ incidents: IncidentView[]; next: string | undefined }> {
  const params = new URLSearchParams({ limit: String(INCIDENT_PAGE_SIZE) });
  if (filter.status !== '') params.set('status', filter.status);
  if (filter.severity !== '') params.set('severity', filter.severity);
  if (after !== undefined) params.set('after', after);
  const body = obj(await apiJson('GET', `${base(workspaceId)}?${params}`, undefined, { signal }));
  return { incidents: parseIncidents(body['incidents']), next: str(body['next']) };
}

export async function getIncident(workspaceId: string, incidentId: string, signal: AbortSignal) {
  const detail = parseIncidentDetail(
    await apiJson('GET', one(workspaceId, incidentId), undefined, { signal }),
  );
  if (detail === undefined) throw new Error('The server sent no incident');
  return detail;
}

export interface IncidentChange {
  status?: string;
  closeReason?: string;
  closeComment?: string;
  owner?: string | null;
  severity?: string;
  stage?: string;
}

export const patchIncident = (
  workspaceId: string,
  incidentId: string,
  change: IncidentChange,
  version: number,
) => apiJson('PATCH', one(workspaceId, incidentId), { ...change, version });

export const commentOnIncident = (workspaceId: string, incidentId: string, text: string) =>
  apiJson('POST', `${one(workspaceId, incidentId)}/comments`, { text });
