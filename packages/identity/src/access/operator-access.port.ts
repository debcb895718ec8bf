import type { OperatorAccessGrant, OperatorAccessStatus } from './operator-access.ts';

/** Operator-access grants. Rows are never deleted: they are part of what the workspace owner reviews. */
export interface OperatorAccessStore {
  create(grant: OperatorAccessGrant): Promise<void>;
  get(id: string): Promise<OperatorAccessGrant | undefined>;
  /**
   * Replaces a grant only if its stored status is still `expectedStatus` (so two security managers cannot
   * both decide, and a revocation cannot be lost); false when it changed meanwhile.
   */
  update(grant: OperatorAccessGrant, expectedStatus: OperatorAccessStatus): Promise<boolean>;
  /** Every grant for the workspace, newest first: the owner's view. */
  listByWorkspace(workspaceId: string): Promise<OperatorAccessGrant[]>;
  /** Grants of the operator with status `approved` (callers still check expiry through `authorize`). */
  listApprovedForOperator(operatorId: string): Promise<OperatorAccessGrant[]>;
  /** Every request the operator made (any status, any workspace), newest first: "my requests". */
  listByOperator(operatorId: string): Promise<OperatorAccessGrant[]>;
  /** Requests waiting for a decision, for the security managers' queue. */
  listPending(): Promise<OperatorAccessGrant[]>;
}
