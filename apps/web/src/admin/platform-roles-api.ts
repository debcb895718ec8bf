// Installation-level roles of accounts (apps/server/src/auth/platform-{accounts,roles}.routes.ts).
import { apiJson } from '../api/api-client.ts';
import { obj, objects, str, strs } from './parse.ts';

export interface PlatformAccount {
  readonly id: string;
  readonly username: string;
  readonly displayName: string | undefined;
  readonly disabled: boolean;
  readonly platformRoles: readonly string[];
}

export interface PlatformRole {
  readonly id: string;
  readonly name: string;
  readonly permissions: readonly string[];
}

export interface PlatformAccounts {
  readonly users: readonly PlatformAccount[];
  readonly available: readonly PlatformRole[];
  /** Id to continue after, when the installation has more accounts than one page. */
  readonly next: string | undefined;
}

/** Reads `GET /api/v1/platform/users`; entries without an id or name are skipped. */
export function parsePlatformAccounts(body: unknown): PlatformAccounts {
  const root = obj(body);
  return {
    users: objects(root['users']).flatMap((u) => {
      const id = str(u['id']);
      const username = str(u['username']);
      if (id === undefined || username === undefined) return [];
      return [
        {
          id,
          username,
          displayName: str(u['displayName']),
          disabled: u['disabled'] === true,
          platformRoles: strs(u['platformRoles']),
        },
      ];
    }),
    available: objects(root['available']).flatMap((r) => {
      const id = str(r['id']);
      return id === undefined
        ? []
        : [{ id, name: str(r['name']) ?? id, permissions: strs(r['permissions']) }];
    }),
    next: str(root['next']),
  };
}

export async function listPlatformAccounts(
  after: string | undefined,
  signal: AbortSignal,
): Promise<PlatformAccounts> {
  const query = after === undefined ? '' : `?after=${encodeURIComponent(after)}`;
  return parsePlatformAccounts(await apiJson('GET', `/api/v1/platform/users${query}`, undefined, { signal }));
}

const rolesPath = (userId: string) => `/api/v1/platform/users/${encodeURIComponent(userId)}/roles`;

export const grantPlatformRole = (userId: string, role: string) =>
  apiJson('POST', rolesPath(userId), { role });

export const revokePlatformRole = (userId: string, role: string) =>
  apiJson('DELETE', `${rolesPath(userId)}/${encodeURIComponent(role)}`);
