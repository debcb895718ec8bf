/** A set of accounts within one workspace; roles granted to the group apply to every member there. */
export interface Group {
  id: string;
  workspaceId: string;
  /** 1–80 characters, unique per workspace regardless of case. */
  name: string;
  /** Name of the identity-provider group whose members single sign-on keeps in this group. */
  ssoGroup?: string;
  createdAt: number;
}

/** One account's membership. `addedBy` is `oidc` for memberships single sign-on maintains. */
export interface GroupMember {
  workspaceId: string;
  groupId: string;
  userId: string;
  addedBy: string;
  addedAt: number;
}

/**
 * Role grants of a group are stored like an account's, under this principal id. The prefix cannot collide
 * with account ids (`u-…`, uuids, `oidc-…`), and a group grant only ever applies in the group's workspace.
 * Example: `groupPrincipalId('g1')` → `'group:g1'`.
 */
export function groupPrincipalId(groupId: string): string {
  return `group:${groupId}`;
}

/** The group id behind a principal id, or undefined when it names an account or token. */
export function groupIdOfPrincipal(principalId: string): string | undefined {
  return principalId.startsWith('group:') ? principalId.slice('group:'.length) : undefined;
}

/** Case-insensitive key of a group name, for uniqueness within a workspace. */
export function groupNameKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}
