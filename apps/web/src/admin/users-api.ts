// Members, roles and grants of a workspace (apps/server/src/users/*.routes.ts).
import { apiJson } from '../api/api-client.ts';
import { obj, objects, str, strs, type Json } from './parse.ts';

export interface Member {
  readonly id: string;
  readonly username: string;
  readonly displayName: string | undefined;
  readonly disabled: boolean;
  readonly mustChangePassword: boolean;
  readonly mfaEnabled: boolean;
  readonly createdAt: string | undefined;
  readonly roles: readonly string[];
  /** Groups whose roles the member also holds in the workspace. */
  readonly groups: readonly string[];
}

export interface RoleView {
  readonly id: string;
  readonly name: string;
  readonly builtIn: boolean;
  readonly permissions: readonly string[];
}

const ws = (workspaceId: string) => `/api/v1/workspaces/${encodeURIComponent(workspaceId)}`;
const userPath = (workspaceId: string, userId: string) =>
  `${ws(workspaceId)}/users/${encodeURIComponent(userId)}`;

function member(u: Json): Member | undefined {
  const id = str(u['id']);
  const username = str(u['username']);
  if (id === undefined || username === undefined) return undefined;
  return {
    id,
    username,
    displayName: str(u['displayName']),
    disabled: u['disabled'] === true,
    mustChangePassword: u['mustChangePassword'] === true,
    mfaEnabled: u['mfaEnabled'] === true,
    createdAt: str(u['createdAt']),
    roles: strs(u['roles']),
    groups: strs(u['groups']),
  };
}

export async function listMembers(workspaceId: string, signal: AbortSignal): Promise<Member[]> {
  const body = await apiJson('GET', `${ws(workspaceId)}/users`, undefined, { signal });
  return objects(obj(body)['users']).flatMap((u) => member(u) ?? []);
}

export async function listRoles(workspaceId: string, signal: AbortSignal): Promise<RoleView[]> {
  const body = await apiJson('GET', `${ws(workspaceId)}/roles`, undefined, { signal });
  return objects(obj(body)['roles']).flatMap((r) => {
    const id = str(r['id']);
    return id === undefined
      ? []
      : [
          {
            id,
            name: str(r['name']) ?? id,
            builtIn: r['builtIn'] === true,
            permissions: strs(r['permissions']),
          },
        ];
  });
}

/** Creates the account; it holds no permission until a role is granted, and must change the password. */
export async function createUser(
  workspaceId: string,
  input: { readonly username: string; readonly password: string; readonly displayName?: string },
): Promise<string> {
  const body = await apiJson('POST', `${ws(workspaceId)}/users`, input);
  const id = str(obj(body)['id']);
  if (id === undefined) throw new Error('The server did not name the new account');
  return id;
}

export const grantRole = (workspaceId: string, userId: string, role: string) =>
  apiJson('POST', `${userPath(workspaceId, userId)}/roles`, { role });

export const revokeRole = (workspaceId: string, userId: string, role: string) =>
  apiJson('DELETE', `${userPath(workspaceId, userId)}/roles/${encodeURIComponent(role)}`);

export const forcePasswordReset = (workspaceId: string, userId: string, temporaryPassword: string) =>
  apiJson('POST', `${userPath(workspaceId, userId)}/password-reset`, { temporaryPassword });

export const setDisabled = (workspaceId: string, userId: string, disabled: boolean) =>
  apiJson('POST', `${userPath(workspaceId, userId)}/${disabled ? 'disable' : 'enable'}`);

export const putRole = (
  workspaceId: string,
  roleId: string,
  input: { readonly name: string; readonly permissions: readonly string[] },
) => apiJson('PUT', `${ws(workspaceId)}/roles/${encodeURIComponent(roleId)}`, input);

export const deleteRole = (workspaceId: string, roleId: string) =>
  apiJson('DELETE', `${ws(workspaceId)}/roles/${encodeURIComponent(roleId)}`);
