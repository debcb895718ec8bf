// What the signed-in account may do, read from `GET /api/v1/me`: the permissions of each workspace grant
// and of the platform grants. Only decides what the console offers; the server authorises every request.
// Pure, so it is unit-tested without a browser.

export interface Access {
  readonly userId: string | undefined;
  /** Workspace id → the permissions the account holds there (union over its roles). */
  readonly workspaces: ReadonlyMap<string, ReadonlySet<string>>;
  /** Installation-level permissions (security manager, platform administrator…). */
  readonly platform: ReadonlySet<string>;
}

const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : []);
const strings = (v: unknown): string[] => list(v).filter((s): s is string => typeof s === 'string');

export function parseAccess(body: unknown): Access {
  const root = obj(body);
  const workspaces = new Map<string, Set<string>>();
  for (const g of list(root['grants'])) {
    const workspaceId = obj(g)['workspaceId'];
    if (typeof workspaceId !== 'string' || workspaceId === '') continue;
    const held = workspaces.get(workspaceId) ?? new Set<string>();
    for (const p of strings(obj(g)['permissions'])) held.add(p);
    workspaces.set(workspaceId, held);
  }
  const platform = new Set(list(root['platformGrants']).flatMap((g) => strings(obj(g)['permissions'])));
  const id = obj(root['user'])['id'];
  return { userId: typeof id === 'string' ? id : undefined, workspaces, platform };
}

/** True when the account holds `permission` in the workspace. */
export function mayIn(access: Access, workspaceId: string, permission: string): boolean {
  return access.workspaces.get(workspaceId)?.has(permission) === true;
}
