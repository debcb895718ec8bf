// The overview and cross-workspace routes (apps/server/src/overview, apps/server/src/cross-workspace).
import { apiJson } from '../api/api-client.ts';
import { parseGrants, parseOverview } from './parse-overview.ts';

const ws = (workspaceId: string) => `/api/v1/workspaces/${encodeURIComponent(workspaceId)}`;

export const getOverview = async (workspaceId: string, signal: AbortSignal) =>
  parseOverview(await apiJson('GET', `${ws(workspaceId)}/overview`, undefined, { signal }));

export const getCrossWorkspaceOverview = async (workspaceId: string, signal: AbortSignal) =>
  parseOverview(await apiJson('GET', `${ws(workspaceId)}/cross-workspace/overview`, undefined, { signal }));

export const listGrants = async (workspaceId: string, signal: AbortSignal) =>
  parseGrants(await apiJson('GET', `${ws(workspaceId)}/cross-workspace/grants`, undefined, { signal }));

export const createGrant = (workspaceId: string, centralWorkspace: string) =>
  apiJson('POST', `${ws(workspaceId)}/cross-workspace/grants`, { centralWorkspace });

export const revokeGrant = (workspaceId: string, centralWorkspace: string) =>
  apiJson('DELETE', `${ws(workspaceId)}/cross-workspace/grants/${encodeURIComponent(centralWorkspace)}`);
