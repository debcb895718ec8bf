import { machineTokenExists } from '@vigil/identity';
import type { MachineToken, MachineTokenKind, MachineTokenStore } from '@vigil/identity';
import { isUniqueViolation, opt, optNumber } from './pg-identity-row.ts';
import type { PgScopedDb } from './pg-scoped-db.ts';

interface Row {
  id: string;
  kind: MachineTokenKind;
  name: string;
  workspace: string;
  role_id: string | null;
  data_space: string | null;
  secret_hash: string;
  created_by: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

const COLUMNS =
  'id, kind, name, workspace, role_id, data_space, secret_hash, created_by, created_at, expires_at, last_used_at, revoked_at';

/**
 * API keys and ingest tokens; only the hash of the secret part is stored. Lookups by id run at platform
 * scope (authentication happens before the workspace is known); listings in the workspace's scope.
 */
export class PgMachineTokenStore implements MachineTokenStore {
  readonly #db: PgScopedDb;

  constructor(db: PgScopedDb) {
    this.#db = db;
  }

  async create(t: MachineToken): Promise<void> {
    try {
      await this.#db.run({ workspace: t.workspaceId }, (c) =>
        c.query(
          `INSERT INTO machine_tokens (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            t.id,
            t.kind,
            t.name,
            t.workspaceId,
            t.roleId ?? null,
            t.dataSpace ?? null,
            t.secretHash,
            t.createdBy,
            t.createdAt,
            t.expiresAt ?? null,
            t.lastUsedAt ?? null,
            t.revokedAt ?? null,
          ],
        ),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw machineTokenExists(t.id);
      throw error;
    }
  }

  get(id: string): Promise<MachineToken | undefined> {
    return this.#db.run('platform', async (c) => {
      const row = (await c.query<Row>(`SELECT ${COLUMNS} FROM machine_tokens WHERE id = $1`, [id])).rows[0];
      return row && toToken(row);
    });
  }

  listByWorkspace(workspaceId: string): Promise<MachineToken[]> {
    return this.#db.run({ workspace: workspaceId }, async (c) => {
      const result = await c.query<Row>(
        `SELECT ${COLUMNS} FROM machine_tokens WHERE workspace = $1 ORDER BY created_at, id`,
        [workspaceId],
      );
      return result.rows.map(toToken);
    });
  }

  async touch(id: string, at: number): Promise<void> {
    await this.#db.run('platform', (c) =>
      c.query('UPDATE machine_tokens SET last_used_at = $2 WHERE id = $1', [id, at]),
    );
  }

  revoke(id: string, at: number): Promise<boolean> {
    return this.#db.run('platform', async (c) => {
      const result = await c.query(
        'UPDATE machine_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL',
        [id, at],
      );
      return (result.rowCount ?? 0) > 0;
    });
  }
}

function toToken(r: Row): MachineToken {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    workspaceId: r.workspace,
    ...opt('roleId', r.role_id),
    ...opt('dataSpace', r.data_space),
    secretHash: r.secret_hash,
    createdBy: r.created_by,
    createdAt: Number(r.created_at),
    ...optNumber('expiresAt', r.expires_at),
    ...optNumber('lastUsedAt', r.last_used_at),
    ...optNumber('revokedAt', r.revoked_at),
  };
}
