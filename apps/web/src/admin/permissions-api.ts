// The permission catalogue, read from the server (GET /api/v1/permissions) instead of a copy in the bundle.
import { apiJson } from '../api/api-client.ts';
import { obj, objects, str } from './parse.ts';

export interface PermissionInfo {
  readonly id: string;
  readonly scope: 'workspace' | 'platform';
  readonly description: string;
}

export function parsePermissions(v: unknown): PermissionInfo[] {
  return objects(obj(v)['permissions']).flatMap((p) => {
    const id = str(p['id']);
    const scope = p['scope'];
    if (id === undefined || (scope !== 'workspace' && scope !== 'platform')) return [];
    return [{ id, scope, description: str(p['description']) ?? '' }];
  });
}

/** Workspace permissions (what a custom role may hold), in catalogue order. */
export async function fetchWorkspacePermissions(signal: AbortSignal): Promise<PermissionInfo[]> {
  return parsePermissions(await apiJson('GET', '/api/v1/permissions', undefined, { signal })).filter(
    (p) => p.scope === 'workspace',
  );
}

/** The catalogue's area prefixes (`alerts.read` → `alerts`), in catalogue order. */
export function permissionAreas(permissions: readonly PermissionInfo[]): string[] {
  return [...new Set(permissions.map((p) => p.id.split('.')[0] ?? p.id))];
}
