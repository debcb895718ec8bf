import type { AuditHead, AuditRecord, AuditResult } from './audit-record.ts';
import type { AuditCheckpoint } from './audit-checkpoint.ts';

export interface AuditQuery {
  workspace?: string;
  userId?: string;
  eventType?: string;
  result?: AuditResult;
  /** Inclusive ISO-8601 bounds on `time`. */
  from?: string;
  to?: string;
  /** Keyset pagination: records with seq greater than this (oldest-first paging). */
  afterSeq?: number;
  /** Keyset pagination: records with seq less than this (newest-first paging). */
  beforeSeq?: number;
  /** By seq: `asc` (oldest first, the default) or `desc` (newest first, as the viewer shows). */
  order?: 'asc' | 'desc';
  /** 1..1000, default 100. */
  limit?: number;
}

/**
 * Append-only audit storage. There is deliberately no update or delete: adapters also revoke UPDATE/DELETE
 * on the table (or use triggers) so even the application cannot rewrite history.
 */
export interface AuditLog {
  /** The last record's seq and hash, or undefined when empty. */
  head(): Promise<AuditHead | undefined>;
  /**
   * Appends a record built by `chainAuditRecord(head, …)`. Fails with AUDIT_APPEND_CONFLICT (operational)
   * when `seq` is not head+1 or `prev_hash` is not the head's hash (another writer got there first).
   */
  append(record: AuditRecord): Promise<void>;
  /** Records with `fromSeq ≤ seq ≤ toSeq` in seq order, at most `limit` (default 1000). */
  read(range: { fromSeq: number; toSeq?: number; limit?: number }): Promise<AuditRecord[]>;
  /** Filtered listing for the audit viewer and exports, in seq order (`order`, ascending by default). */
  find(query: AuditQuery): Promise<AuditRecord[]>;
  appendCheckpoint(checkpoint: AuditCheckpoint): Promise<void>;
  /** Checkpoints in seq order. */
  checkpoints(): Promise<AuditCheckpoint[]>;
}
