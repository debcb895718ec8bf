import type { Group, GroupMember } from './group.ts';

/** Groups and their members, per workspace. Role grants of a group live in the `RoleGrantStore`. */
export interface GroupStore {
  /** Fails with GROUP_NAME_TAKEN (409) when the workspace has a group of that name (any case). */
  create(group: Group): Promise<void>;
  get(workspaceId: string, groupId: string): Promise<Group | undefined>;
  /** Ordered by name key, then id. */
  list(workspaceId: string): Promise<Group[]>;
  /** Replaces name and ssoGroup; false when missing; GROUP_NAME_TAKEN (409) on a clash. */
  update(group: Group): Promise<boolean>;
  /** Removes the group and all its memberships in one step; false when missing. */
  delete(workspaceId: string, groupId: string): Promise<boolean>;
  /** Idempotent (keeps the first `addedBy`); false when the group does not exist. */
  addMember(member: GroupMember): Promise<boolean>;
  /** True when a membership was removed. */
  removeMember(workspaceId: string, groupId: string, userId: string): Promise<boolean>;
  /** Ordered by user id. */
  listMembers(workspaceId: string, groupId: string): Promise<GroupMember[]>;
  /** Every membership of an account, across workspaces, ordered by workspace then group id. */
  listForUser(userId: string): Promise<GroupMember[]>;
  /** Removes the groups and memberships of a workspace (purge); returns how many groups went. */
  deleteWorkspace(workspaceId: string): Promise<number>;
}
