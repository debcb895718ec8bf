// API keys and ingest tokens of a workspace (apps/server/src/auth/machine-tokens.routes.ts). Secrets are
// returned once, at creation; lists never contain them.
import { apiJson } from '../api/api-client.ts';
import { obj, objects, str } from './parse.ts';

export type TokenKind = 'api_key' | 'ingest';

export interface TokenView {
  readonly id: string;
  readonly kind: TokenKind;
  readonly name: string;
  readonly roleId: string | undefined;
  readonly dataSpace: string | undefined;
  readonly createdAt: string | undefined;
  readonly expiresAt: string | undefined;
  readonly lastUsedAt: string | undefined;
  readonly revokedAt: string | undefined;
}

const PATHS: Readonly<Record<TokenKind, string>> = { api_key: 'api-keys', ingest: 'ingest-tokens' };
const base = (workspaceId: string, kind: TokenKind) =>
  `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/${PATHS[kind]}`;

export async function listTokens(
  workspaceId: string,
  kind: TokenKind,
  signal: AbortSignal,
): Promise<TokenView[]> {
  const body = await apiJson('GET', base(workspaceId, kind), undefined, { signal });
  return objects(obj(body)['tokens']).flatMap((t) => {
    const id = str(t['id']);
    if (id === undefined) return [];
    return [
      {
        id,
        kind,
        name: str(t['name']) ?? id,
        roleId: str(t['roleId']),
        dataSpace: str(t['dataSpace']),
        createdAt: str(t['createdAt']),
        expiresAt: str(t['expiresAt']),
        lastUsedAt: str(t['lastUsedAt']),
        revokedAt: str(t['revokedAt']),
      },
    ];
  });
}

export interface NewToken {
  readonly name: string;
  readonly expiresInDays?: number;
  /** API keys: the one role the key holds. */
  readonly role?: string;
  /** Ingest tokens: the data space events go to. */
  readonly dataSpace?: string;
}

/** Creates a key or token and returns its secret (shown once). */
export async function createToken(workspaceId: string, kind: TokenKind, input: NewToken): Promise<string> {
  const body = await apiJson('POST', base(workspaceId, kind), input);
  const token = str(obj(body)['token']);
  if (token === undefined) throw new Error('The server did not return the secret');
  return token;
}

export const revokeToken = (workspaceId: string, kind: TokenKind, tokenId: string) =>
  apiJson('DELETE', `${base(workspaceId, kind)}/${encodeURIComponent(tokenId)}`);

export async function listDataSpaces(workspaceId: string, signal: AbortSignal): Promise<string[]> {
  const body = await apiJson(
    'GET',
    `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/data-spaces`,
    undefined,
    { signal },
  );
  // A data space is named by `name` (its id); `id` is accepted too.
  return objects(obj(body)['dataSpaces']).flatMap((d) => str(d['name']) ?? str(d['id']) ?? []);
}
