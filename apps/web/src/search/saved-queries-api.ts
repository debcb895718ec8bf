// Saved queries of a workspace: `GET|POST /api/v1/workspaces/{ws}/saved-queries`, `DELETE …/{id}`.
import { apiJson } from '../api/api-client.ts';

export interface SavedQuery {
  readonly id: string;
  readonly name: string;
  readonly query: string;
}

const base = (workspaceId: string) => `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/saved-queries`;

function parse(item: unknown): SavedQuery | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const { id, name, query } = item as Record<string, unknown>;
  return typeof id === 'string' && typeof name === 'string' && typeof query === 'string'
    ? { id, name, query }
    : undefined;
}

export async function listSavedQueries(workspaceId: string, signal?: AbortSignal): Promise<SavedQuery[]> {
  const body = await apiJson<{ savedQueries?: unknown }>('GET', base(workspaceId), undefined, {
    ...(signal ? { signal } : {}),
  });
  const list = Array.isArray(body?.savedQueries) ? (body.savedQueries as unknown[]) : [];
  return list.flatMap((item) => parse(item) ?? []).sort((a, b) => a.name.localeCompare(b.name));
}

export async function createSavedQuery(workspaceId: string, name: string, query: string): Promise<void> {
  await apiJson('POST', base(workspaceId), { name, query });
}

export async function deleteSavedQuery(workspaceId: string, id: string): Promise<void> {
  await apiJson('DELETE', `${base(workspaceId)}/${encodeURIComponent(id)}`);
}
