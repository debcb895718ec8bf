// Groups of a workspace (apps/server/src/users/groups.routes.ts, group-members.routes.ts): roles granted
// to a group apply to its members in the workspace.
import { apiJson } from '../api/api-client.ts';
import { obj, objects, str, strs } from './parse.ts';

export interface GroupView {
  readonly id: string;
  readonly name: string;
  readonly ssoGroup: string | undefined;
  readonly roles: readonly string[];
  readonly members: readonly { readonly id: string; readonly username: string; readonly bySso: boolean }[];
}

export function parseGroups(v: unknown): GroupView[] {
  return objects(obj(v)['groups']).flatMap((g) => {
    const id = str(g['id']);
    const name = str(g['name']);
    if (id === undefined || name === undefined) return [];
    const members = objects(g['members']).flatMap((m) => {
      const memberId = str(m['id']);
      const username = str(m['username']);
      return memberId === undefined || username === undefined
        ? []
        : [{ id: memberId, username, bySso: m['addedBy'] === 'oidc' }];
    });
    return [{ id, name, ssoGroup: str(g['ssoGroup']), roles: strs(g['roles']), members }];
  });
}

const groups = (workspaceId: string) => `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/groups`;
const group = (workspaceId: string, groupId: string) =>
  `${groups(workspaceId)}/${encodeURIComponent(groupId)}`;

export async function listGroups(workspaceId: string, signal: AbortSignal): Promise<GroupView[]> {
  return parseGroups(await apiJson('GET', groups(workspaceId), undefined, { signal }));
}

export const createGroup = (workspaceId: string, name: string, ssoGroup: string) =>
  apiJson('POST', groups(workspaceId), {
    name,
    ...(ssoGroup.trim() === '' ? {} : { ssoGroup: ssoGroup.trim() }),
  });

export const updateGroup = (workspaceId: string, groupId: string, name: string, ssoGroup: string) =>
  apiJson('PATCH', group(workspaceId, groupId), {
    name,
    ssoGroup: ssoGroup.trim() === '' ? null : ssoGroup.trim(),
  });

export const deleteGroup = (workspaceId: string, groupId: string) =>
  apiJson('DELETE', group(workspaceId, groupId));

export const addGroupMember = (workspaceId: string, groupId: string, userId: string) =>
  apiJson('PUT', `${group(workspaceId, groupId)}/members/${encodeURIComponent(userId)}`);

export const removeGroupMember = (workspaceId: string, groupId: string, userId: string) =>
  apiJson('DELETE', `${group(workspaceId, groupId)}/members/${encodeURIComponent(userId)}`);

export const grantGroupRole = (workspaceId: string, groupId: string, role: string) =>
  apiJson('POST', `${group(workspaceId, groupId)}/roles`, { role });

export const revokeGroupRole = (workspaceId: string, groupId: string, role: string) =>
  apiJson('DELETE', `${group(workspaceId, groupId)}/roles/${encodeURIComponent(role)}`);
