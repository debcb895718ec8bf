// The signed-in account's permissions, asked of `GET /api/v1/me` when an admin page opens (so a role
// granted or revoked meanwhile shows at the next visit).
import { apiJson } from '../api/api-client.ts';
import { parseAccess, type Access } from './access.ts';
import { useLoad, type Loaded } from './use-load.ts';

export function useAccess(): Loaded<Access> {
  return useLoad('me', async (signal) =>
    parseAccess(await apiJson('GET', '/api/v1/me', undefined, { signal })),
  ).state;
}
