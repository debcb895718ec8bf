import type { Workspace } from './workspace.ts';

/** Workspaces (tenants). Platform-level: callers check `workspaces.create` / `workspace.*` permissions. */
export interface WorkspaceStore {
  /** Fails with WORKSPACE_EXISTS (409). */
  create(workspace: Workspace): Promise<void>;
  get(id: string): Promise<Workspace | undefined>;
  /** Every workspace, ordered by id. */
  list(): Promise<Workspace[]>;
  /** Replaces name, status, deleteAfter and mfaRequired; false when it does not exist. */
  update(workspace: Workspace): Promise<boolean>;
  /** `deleting` workspaces whose `deleteAfter` ≤ now, for the purge job. */
  listDueForDeletion(now: number): Promise<Workspace[]>;
  /** Removes the row once the workspace's data is purged. */
  delete(id: string): Promise<boolean>;
}
