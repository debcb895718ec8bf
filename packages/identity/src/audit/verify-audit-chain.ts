import type { KeyObject } from 'node:crypto';
import { GENESIS_HASH, auditRecordHash, type AuditHead, type AuditRecord } from './audit-record.ts';
import { verifyAuditCheckpoint, type AuditCheckpoint } from './audit-checkpoint.ts';

export type AuditProblemKind =
  /** The record's content no longer matches its own hash. */
  | 'modified'
  /** `prev_hash` does not match the previous record: a record was altered and re-hashed, or the chain re-linked. */
  | 'chain_broken'
  /** Sequence numbers are missing (the problem's seq is the first missing one; `count` how many). */
  | 'deleted'
  /** The same sequence number appears more than once. */
  | 'inserted'
  /** A record comes after one with a higher sequence number. */
  | 'reordered'
  /** A checkpoint's signature does not verify with the public key. */
  | 'bad_signature'
  /** A validly signed checkpoint names a different hash than the record now stored at its seq (chain rewritten). */
  | 'checkpoint_mismatch'
  /** A validly signed checkpoint names a seq past the last record (the tail was cut off). */
  | 'truncated';

export interface AuditProblem {
  seq: number;
  problem: AuditProblemKind;
  count?: number;
}

export interface AuditVerification {
  ok: boolean;
  problems: AuditProblem[];
  records: number;
  /** Highest seq pinned by a valid, matching checkpoint (0 if none). */
  verifiedThrough: number;
  /** Records after the last valid checkpoint: chained but not yet signed, so a rewrite of them is only caught later. */
  unsignedTail: number;
}

export interface VerifyAuditChainOptions {
  /** Verify a slice: the record just before the first one given (default: genesis, seq 0). */
  anchor?: AuditHead;
}

/**
 * Verifies the hash chain and signed checkpoints of audit records in the order the store returned them.
 * Detects modified, deleted, inserted and reordered records, and whole-chain rewrites (via checkpoints).
 * Example: `verifyAuditChain(records, checkpoints, publicKey).ok` → true for an untouched log.
 */
export function verifyAuditChain(
  records: readonly AuditRecord[],
  checkpoints: readonly AuditCheckpoint[],
  publicKey: KeyObject,
  options: VerifyAuditChainOptions = {},
): AuditVerification {
  const anchor = options.anchor ?? { seq: 0, hash: GENESIS_HASH };
  const problems: AuditProblem[] = [];
  const bySeq = new Map<number, AuditRecord>();
  const duplicates = new Set<number>();
  let maxSeen = anchor.seq;

  for (const record of records) {
    if (auditRecordHash(record) !== record.hash) problems.push({ seq: record.seq, problem: 'modified' });
    if (bySeq.has(record.seq)) duplicates.add(record.seq);
    else bySeq.set(record.seq, record);
    if (record.seq < maxSeen) problems.push({ seq: record.seq, problem: 'reordered' });
    maxSeen = Math.max(maxSeen, record.seq);
  }
  for (const seq of duplicates) problems.push({ seq, problem: 'inserted' });

  // Walk the sequence: gaps are deletions; consecutive records must link.
  let prev: AuditHead = anchor;
  let gapStart: number | undefined;
  for (let seq = anchor.seq + 1; seq <= maxSeen; seq++) {
    const record = bySeq.get(seq);
    if (!record) {
      gapStart ??= seq;
      continue;
    }
    if (gapStart !== undefined) {
      problems.push({ seq: gapStart, problem: 'deleted', count: seq - gapStart });
      gapStart = undefined;
    } else if (record.prev_hash !== prev.hash) {
      problems.push({ seq, problem: 'chain_broken' });
    }
    prev = { seq, hash: record.hash };
  }

  let verifiedThrough = 0;
  for (const cp of checkpoints) {
    if (cp.seq <= anchor.seq && !bySeq.has(cp.seq)) continue; // outside the slice being verified
    if (!verifyAuditCheckpoint(cp, publicKey)) {
      problems.push({ seq: cp.seq, problem: 'bad_signature' });
      continue;
    }
    const record = bySeq.get(cp.seq);
    if (cp.seq > maxSeen) problems.push({ seq: cp.seq, problem: 'truncated', count: cp.seq - maxSeen });
    else if (record && record.hash !== cp.hash)
      problems.push({ seq: cp.seq, problem: 'checkpoint_mismatch' });
    else if (record) verifiedThrough = Math.max(verifiedThrough, cp.seq);
  }

  problems.sort((a, b) => a.seq - b.seq || a.problem.localeCompare(b.problem));
  return {
    ok: problems.length === 0,
    problems,
    records: records.length,
    verifiedThrough,
    unsignedTail: Math.max(0, maxSeen - Math.max(verifiedThrough, anchor.seq)),
  };
}
