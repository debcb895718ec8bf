/** `deleting`: scheduled for removal after `deleteAfter` (retention grace period); restorable until then. */
export type WorkspaceStatus = 'active' | 'archived' | 'deleting';

/** A tenant: every event, record, role, grant and token belongs to exactly one workspace. */
export interface Workspace {
  /** `default` for the one first-run set-up creates. */
  id: string;
  name: string;
  status: WorkspaceStatus;
  /** Epoch ms after which a `deleting` workspace's data is purged. */
  deleteAfter?: number;
  /** Members must have a confirmed second factor (MFA enforceable per workspace). */
  mfaRequired: boolean;
  createdAt: number;
}
