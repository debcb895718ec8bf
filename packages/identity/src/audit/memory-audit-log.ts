import type { AuditHead, AuditRecord } from './audit-record.ts';
import type { AuditCheckpoint } from './audit-checkpoint.ts';
import type { AuditLog, AuditQuery } from './audit-log.port.ts';
import { auditAppendConflict } from './audit.error.ts';

/** In-memory `AuditLog`: the reference behaviour for adapters' contract tests. */
export class MemoryAuditLog implements AuditLog {
  readonly #records: AuditRecord[] = [];
  readonly #checkpoints: AuditCheckpoint[] = [];

  head(): Promise<AuditHead | undefined> {
    const last = this.#records.at(-1);
    return Promise.resolve(last && { seq: last.seq, hash: last.hash });
  }

  append(record: AuditRecord): Promise<void> {
    const last = this.#records.at(-1);
    const expectedSeq = (last?.seq ?? 0) + 1;
    if (record.seq !== expectedSeq || (last !== undefined && record.prev_hash !== last.hash)) {
      return Promise.reject(auditAppendConflict(expectedSeq, record.seq));
    }
    this.#records.push(structuredClone(record));
    return Promise.resolve();
  }

  read(range: { fromSeq: number; toSeq?: number; limit?: number }): Promise<AuditRecord[]> {
    const to = range.toSeq ?? Number.MAX_SAFE_INTEGER;
    const out = this.#records
      .filter((r) => r.seq >= range.fromSeq && r.seq <= to)
      .slice(0, range.limit ?? 1000);
    return Promise.resolve(structuredClone(out));
  }

  find(q: AuditQuery): Promise<AuditRecord[]> {
    const out = this.#records.filter(
      (r) =>
        (q.workspace === undefined || r.workspace === q.workspace) &&
        (q.userId === undefined || r.user_id === q.userId) &&
        (q.eventType === undefined || r.event_type === q.eventType) &&
        (q.result === undefined || r.result === q.result) &&
        (q.from === undefined || r.time >= q.from) &&
        (q.to === undefined || r.time <= q.to) &&
        (q.afterSeq === undefined || r.seq > q.afterSeq) &&
        (q.beforeSeq === undefined || r.seq < q.beforeSeq),
    );
    if (q.order === 'desc') out.reverse();
    return Promise.resolve(structuredClone(out.slice(0, Math.min(Math.max(q.limit ?? 100, 1), 1000))));
  }

  appendCheckpoint(checkpoint: AuditCheckpoint): Promise<void> {
    this.#checkpoints.push({ ...checkpoint });
    return Promise.resolve();
  }

  checkpoints(): Promise<AuditCheckpoint[]> {
    return Promise.resolve(this.#checkpoints.map((c) => ({ ...c })));
  }
}
