import { createHash } from 'node:crypto';
import { userError } from '@vigil/core';
import { canonicalJson } from './canonical-json.ts';

export type AuditResult = 'success' | 'failure' | 'denied';

/** What a caller records: one management action, login, logout or failure (DESIGN §7). */
export interface AuditEntry {
  /** `area.action`, e.g. `auth.login`, `role.granted`, `audit.read`. */
  event_type: string;
  /** Acting account; null for an unauthenticated attempt (e.g. a failed login naming an unknown user). */
  user_id: string | null;
  /** What was acted on, e.g. `rule:r-17`, `user:u-3`. */
  resource: string | null;
  workspace: string | null;
  client_ip: string | null;
  /** User agent, API-key id or CLI identifier. */
  client_id: string | null;
  result: AuditResult;
  request_id: string | null;
  /** Extra non-secret facts (changed fields, reason of a denial…). Never credentials. */
  details?: Record<string, unknown>;
}

/** A stored audit record: the entry, its time and position, chained to the previous record. */
export interface AuditRecord extends AuditEntry {
  /** 1, 2, 3… without gaps. */
  seq: number;
  /** ISO-8601 UTC time the record was written. */
  time: string;
  /** `hash` of the previous record, or `GENESIS_HASH` for seq 1. */
  prev_hash: string;
  /** SHA-256 (hex) of the canonical JSON of every other field. */
  hash: string;
}

/** Position of the chain's last record. */
export interface AuditHead {
  seq: number;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

const EVENT_TYPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/** SHA-256 over the canonical JSON of the record without its own `hash` (so `prev_hash` and `seq` are covered). */
export function auditRecordHash(record: Omit<AuditRecord, 'hash'> & { hash?: string }): string {
  const { hash: _ignored, ...rest } = record;
  return createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex');
}

/** Builds the next record of the chain after `head` (undefined for an empty log). */
export function chainAuditRecord(
  head: AuditHead | undefined,
  entry: AuditEntry,
  timeMs: number,
): AuditRecord {
  if (!EVENT_TYPE.test(entry.event_type)) {
    throw userError('AUDIT_EVENT_TYPE_INVALID', 'Audit event types look like area.action', {
      details: { event_type: entry.event_type },
    });
  }
  const body = {
    ...entry,
    seq: (head?.seq ?? 0) + 1,
    time: new Date(timeMs).toISOString(),
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  return { ...body, hash: auditRecordHash(body) };
}
