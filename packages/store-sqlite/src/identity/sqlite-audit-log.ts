import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { auditAppendConflict } from '@vigil/identity';
import type {
  AuditCheckpoint,
  AuditHead,
  AuditLog,
  AuditQuery,
  AuditRecord,
  AuditResult,
} from '@vigil/identity';
import type { WriteQueue } from '../connection/write-queue.ts';
import { writeTransaction } from '../connection/sqlite-transaction.ts';

interface Row {
  seq: number;
  time: string;
  event_type: string;
  user_id: string | null;
  resource: string | null;
  workspace: string | null;
  client_ip: string | null;
  client_id: string | null;
  result: AuditResult;
  request_id: string | null;
  details: string | null;
  prev_hash: string;
  hash: string;
}

const COLUMNS =
  'seq, time, event_type, user_id, resource, workspace, client_ip, client_id, result, request_id, details, prev_hash, hash';

/**
 * The append-only audit chain. There is no UPDATE or DELETE here, and triggers of the schema abort any
 * that someone writes by hand. Appends check the head inside an IMMEDIATE transaction, so two writers
 * (connections or processes) cannot both extend the same head.
 */
export class SqliteAuditLog implements AuditLog {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;

  constructor(db: DatabaseSync, writes: WriteQueue) {
    this.#db = db;
    this.#writes = writes;
  }

  head(): Promise<AuditHead | undefined> {
    return Promise.resolve().then(() => this.#head());
  }

  append(r: AuditRecord): Promise<void> {
    return this.#writes.run(() =>
      writeTransaction(this.#db, () => {
        const head = this.#head();
        const expectedSeq = (head?.seq ?? 0) + 1;
        if (r.seq !== expectedSeq || (head !== undefined && r.prev_hash !== head.hash))
          throw auditAppendConflict(expectedSeq, r.seq);
        this.#db
          .prepare(`INSERT INTO audit_log (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(
            r.seq,
            r.time,
            r.event_type,
            r.user_id,
            r.resource,
            r.workspace,
            r.client_ip,
            r.client_id,
            r.result,
            r.request_id,
            r.details === undefined ? null : JSON.stringify(r.details),
            r.prev_hash,
            r.hash,
          );
      }),
    );
  }

  read(range: { fromSeq: number; toSeq?: number; limit?: number }): Promise<AuditRecord[]> {
    return this.#select(`SELECT ${COLUMNS} FROM audit_log WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?`, [
      range.fromSeq,
      range.toSeq ?? Number.MAX_SAFE_INTEGER,
      range.limit ?? 1000,
    ]);
  }

  find(q: AuditQuery): Promise<AuditRecord[]> {
    const where: string[] = [];
    const params: SQLInputValue[] = [];
    const add = (sql: string, value: string | number | undefined) => {
      if (value === undefined) return;
      where.push(sql);
      params.push(value);
    };
    add('workspace = ?', q.workspace);
    add('user_id = ?', q.userId);
    add('event_type = ?', q.eventType);
    add('result = ?', q.result);
    add('time >= ?', q.from);
    add('time <= ?', q.to);
    add('seq > ?', q.afterSeq);
    add('seq < ?', q.beforeSeq);
    params.push(Math.min(Math.max(q.limit ?? 100, 1), 1000));
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const order = q.order === 'desc' ? 'DESC' : 'ASC';
    return this.#select(`SELECT ${COLUMNS} FROM audit_log ${filter} ORDER BY seq ${order} LIMIT ?`, params);
  }

  appendCheckpoint(cp: AuditCheckpoint): Promise<void> {
    return this.#writes.run(() => {
      this.#db
        .prepare('INSERT INTO audit_checkpoints (seq, hash, time, signature) VALUES (?, ?, ?, ?)')
        .run(cp.seq, cp.hash, cp.time, cp.signature);
    });
  }

  checkpoints(): Promise<AuditCheckpoint[]> {
    return Promise.resolve().then(() =>
      (
        this.#db
          .prepare('SELECT seq, hash, time, signature FROM audit_checkpoints ORDER BY seq, id')
          .all() as unknown as AuditCheckpoint[]
      ).map((r) => ({ seq: r.seq, hash: r.hash, time: r.time, signature: r.signature })),
    );
  }

  #head(): AuditHead | undefined {
    const row = this.#db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      AuditHead | undefined;
    return row && { seq: row.seq, hash: row.hash };
  }

  #select(sql: string, params: SQLInputValue[]): Promise<AuditRecord[]> {
    return Promise.resolve().then(() =>
      (this.#db.prepare(sql).all(...params) as unknown as Row[]).map(toRecord),
    );
  }
}

function toRecord(r: Row): AuditRecord {
  return {
    seq: r.seq,
    time: r.time,
    event_type: r.event_type,
    user_id: r.user_id,
    resource: r.resource,
    workspace: r.workspace,
    client_ip: r.client_ip,
    client_id: r.client_id,
    result: r.result,
    request_id: r.request_id,
    ...(r.details === null ? {} : { details: JSON.parse(r.details) as Record<string, unknown> }),
    prev_hash: r.prev_hash,
    hash: r.hash,
  };
}
