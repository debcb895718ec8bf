import type { Principal } from '../access/principal.ts';
import type { Role } from '../access/role.ts';
import type { MachineToken } from './machine-token.ts';

/**
 * The principal a valid token acts as. An API key holds exactly its role in its workspace (nothing if the
 * role no longer exists); an ingest token holds only `ingest.write` in its workspace.
 */
export function machineTokenPrincipal(
  token: MachineToken,
  lookupRole: (roleId: string) => Role | undefined,
): Principal {
  const id = `token:${token.id}`;
  if (token.kind === 'ingest') {
    return {
      id,
      kind: 'ingest_token',
      grants: [{ workspaceId: token.workspaceId, roleId: 'ingest', permissions: ['ingest.write'] }],
    };
  }
  const role = token.roleId === undefined ? undefined : lookupRole(token.roleId);
  const usable =
    role !== undefined &&
    role.scope === 'workspace' &&
    (role.workspace ?? token.workspaceId) === token.workspaceId;
  return {
    id,
    kind: 'api_key',
    grants: usable
      ? [{ workspaceId: token.workspaceId, roleId: role.id, permissions: role.permissions }]
      : [],
  };
}
