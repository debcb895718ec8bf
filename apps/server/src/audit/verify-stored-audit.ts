import type { KeyObject } from 'node:crypto';
import { verifyAuditChain, type AuditLog, type AuditRecord, type AuditVerification } from '@vigil/identity';

const PAGE = 1000;

/** Every record of the log in seq order (paged through the port). */
export async function readAllAuditRecords(log: AuditLog): Promise<AuditRecord[]> {
  const out: AuditRecord[] = [];
  for (let from = 1; ;) {
    const page = await log.read({ fromSeq: from, limit: PAGE });
    out.push(...page);
    const last = page.at(-1);
    if (page.length < PAGE || !last) return out;
    from = last.seq + 1;
  }
}

/** Verifies the stored chain and its signed checkpoints with the installation's public key. */
export async function verifyStoredAudit(log: AuditLog, publicKey: KeyObject): Promise<AuditVerification> {
  return verifyAuditChain(await readAllAuditRecords(log), await log.checkpoints(), publicKey);
}
