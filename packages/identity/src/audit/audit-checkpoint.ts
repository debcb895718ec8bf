import { sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';
import type { AuditHead } from './audit-record.ts';

/** A signed statement "the chain's record `seq` had hash `hash` at `time`": pins everything up to `seq`. */
export interface AuditCheckpoint {
  seq: number;
  hash: string;
  /** ISO-8601 UTC. */
  time: string;
  /** Ed25519 signature (base64url) over `checkpointMessage`. */
  signature: string;
}

/** The signed bytes: domain-separated so a checkpoint signature can never be replayed as another signature. */
export function checkpointMessage(cp: Omit<AuditCheckpoint, 'signature'>): Buffer {
  return Buffer.from(
    `vigil-audit-checkpoint:v1:${canonicalJson({ hash: cp.hash, seq: cp.seq, time: cp.time })}`,
  );
}

/** Signs a checkpoint of the chain head with the Ed25519 private key. */
export function signAuditCheckpoint(head: AuditHead, timeMs: number, privateKey: KeyObject): AuditCheckpoint {
  const body = { seq: head.seq, hash: head.hash, time: new Date(timeMs).toISOString() };
  return { ...body, signature: sign(null, checkpointMessage(body), privateKey).toString('base64url') };
}

export function verifyAuditCheckpoint(cp: AuditCheckpoint, publicKey: KeyObject): boolean {
  try {
    return verify(null, checkpointMessage(cp), publicKey, Buffer.from(cp.signature, 'base64url'));
  } catch {
    return false;
  }
}
