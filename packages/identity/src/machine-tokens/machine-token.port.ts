import type { MachineToken } from './machine-token.ts';

/** API keys and ingest tokens. Revoked tokens are kept (with `revokedAt`) for the audit trail and the admin list. */
export interface MachineTokenStore {
  create(token: MachineToken): Promise<void>;
  get(id: string): Promise<MachineToken | undefined>;
  listByWorkspace(workspaceId: string): Promise<MachineToken[]>;
  /** Sets `lastUsedAt` (callers throttle this to about once a minute per token). */
  touch(id: string, at: number): Promise<void>;
  /** True when an unrevoked token was revoked. */
  revoke(id: string, at: number): Promise<boolean>;
}
