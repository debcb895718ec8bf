import { auditAppendConflict } from '@vigil/identity';
import type {
  AuditCheckpoint,
  AuditHead,
  AuditLog,
  AuditQuery,
  AuditRecord,
  AuditResult,
} from '@vigil/identity';
import type { PoolClient } from 'pg';
import { isUniqueViolation } from './pg-identity-row.ts';
import type { PgScopedDb } from './pg-scoped-db.ts';
import { scopeOf } from './pg-scoped-db.ts';

interface Row {
  seq: string;
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
 * The append-only audit chain. There is no UPDATE or DELETE here, and a trigger of the schema raises on
 * any that someone writes by hand (and on TRUNCATE). Of two writers extending the same head, the second
 * either sees the new head or hits the primary key on `seq`: both are AUDIT_APPEND_CONFLICT.
 */
export class PgAuditLog implements AuditLog {
  readonly #db: PgScopedDb;

  constructor(db: PgScopedDb) {
    this.#db = db;
  }

  head(): Promise<AuditHead | undefined> {
    return this.#db.run('platform', (c) => readHead(c));
  }

  async append(r: AuditRecord): Promise<void> {
    try {
      await this.#db.run('platform', async (c) => {
        const head = await readHead(c);
        const expectedSeq = (head?.seq ?? 0) + 1;
        if (r.seq !== expectedSeq || (head !== undefined && r.prev_hash !== head.hash))
          throw auditAppendConflict(expectedSeq, r.seq);
        await c.query(
          `INSERT INTO audit_log (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [
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
          ],
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw auditAppendConflict(r.seq + 1, r.seq);
      throw error;
    }
  }

  read(range: { fromSeq: number; toSeq?: number; limit?: number }): Promise<AuditRecord[]> {
    return this.#db.run('platform', async (c) => {
      const result = await c.query<Row>(
        `SELECT ${COLUMNS} FROM audit_log WHERE seq >= $1 AND seq <= $2 ORDER BY seq LIMIT $3`,
        [range.fromSeq, range.toSeq ?? Number.MAX_SAFE_INTEGER, range.limit ?? 1000],
      );
      return result.rows.map(toRecord);
    });
  }

  find(q: AuditQuery): Promise<AuditRecord[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    const add = (column: string, op: string, value: string | number | undefined) => {
      if (value === undefined) return;
      values.push(value);
      where.push(`${column} ${op} $${values.length}`);
    };
    add('workspace', '=', q.workspace);
    add('user_id', '=', q.userId);
    add('event_type', '=', q.eventType);
    add('result', '=', q.result);
    add('time', '>=', q.from);
    add('time', '<=', q.to);
    add('seq', '>', q.afterSeq);
    add('seq', '<', q.beforeSeq);
    const order = q.order === 'desc' ? 'DESC' : 'ASC';
    values.push(Math.min(Math.max(q.limit ?? 100, 1), 1000));
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    // A workspace's auditor reads in that workspace's RLS scope; unfiltered reads are platform-level.
    return this.#db.run(scopeOf(q.workspace), async (c) => {
      const result = await c.query<Row>(
        `SELECT ${COLUMNS} FROM audit_log ${filter} ORDER BY seq ${order} LIMIT $${values.length}`,
        values,
      );
      return result.rows.map(toRecord);
    });
  }

  async appendCheckpoint(cp: AuditCheckpoint): Promise<void> {
    await this.#db.run('platform', (c) =>
      c.query('INSERT INTO audit_checkpoints (seq, hash, time, signature) VALUES ($1, $2, $3, $4)', [
        cp.seq,
        cp.hash,
        cp.time,
        cp.signature,
      ]),
    );
  }

  checkpoints(): Promise<AuditCheckpoint[]> {
    return this.#db.run('platform', async (c) => {
      const result = await c.query<{ seq: string; hash: string; time: string; signature: string }>(
        'SELECT seq, hash, time, signature FROM audit_checkpoints ORDER BY seq, id',
      );
      return result.rows.map((r) => ({
        seq: Number(r.seq),
        hash: r.hash,
        time: r.time,
        signature: r.signature,
      }));
    });
  }
}

async function readHead(c: PoolClient): Promise<AuditHead | undefined> {
  const row = (
    await c.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
  ).rows[0];
  return row && { seq: Number(row.seq), hash: row.hash };
}

function toRecord(r: Row): AuditRecord {
  return {
    seq: Number(r.seq),
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
