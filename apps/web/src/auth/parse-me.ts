// Reads `GET /api/v1/me` for a signed-in account. Pure, so it is unit-tested without a browser.

export interface Me {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string | undefined;
  readonly createdAt: string | undefined;
  readonly mustChangePassword: boolean;
  readonly mfaEnrolled: boolean;
  readonly grants: readonly { readonly workspaceId: string; readonly roleId: string }[];
  readonly csrfToken: string | undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The account behind the session, or undefined when the body is not a user session (e.g. an API key). */
export function parseMe(body: unknown): Me | undefined {
  const root = obj(body);
  const user = obj(root['user']);
  const userId = str(user['id']);
  const username = str(user['username']);
  if (root['kind'] !== 'user' || userId === undefined || username === undefined) return undefined;
  const grants = Array.isArray(root['grants']) ? (root['grants'] as unknown[]) : [];
  return {
    userId,
    username,
    displayName: str(user['displayName']),
    createdAt: str(user['createdAt']),
    mustChangePassword: user['mustChangePassword'] === true,
    mfaEnrolled: obj(root['mfa'])['enrolled'] === true || user['mfaEnabled'] === true,
    grants: grants.flatMap((g) => {
      const workspaceId = str(obj(g)['workspaceId']);
      const roleId = str(obj(g)['roleId']);
      return workspaceId && roleId ? [{ workspaceId, roleId }] : [];
    }),
    csrfToken: str(root['csrfToken']),
  };
}
