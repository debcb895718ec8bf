import type { DatabaseSync } from 'node:sqlite';
import { machineTokenExists } from '@vigil/identity';
import type { MachineToken, MachineTokenKind, MachineTokenStore } from '@vigil/identity';
import type { WriteQueue } from '../connection/write-queue.ts';
import { bind, isUniqueViolation, opt } from './sqlite-identity-row.ts';

interface Row {
  id: string;
  kind: MachineTokenKind;
  name: string;
  workspace: string;
  role_id: string | null;
  data_space: string | null;
  secret_hash: string;
  created_by: string;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
}

const COLUMNS =
  'id, kind, name, workspace, role_id, data_space, secret_hash, created_by, created_at, expires_at, last_used_at, revoked_at';

/** API keys and ingest tokens; only the hash of the secret part is stored. */
export class SqliteMachineTokenStore implements MachineTokenStore {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;

  constructor(db: DatabaseSync, writes: WriteQueue) {
    this.#db = db;
    this.#writes = writes;
  }

  create(t: MachineToken): Promise<void> {
    return this.#writes.run(() => {
      try {
        this.#db
          .prepare(`INSERT INTO machine_tokens (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(
            t.id,
            t.kind,
            t.name,
            t.workspaceId,
            bind(t.roleId),
            bind(t.dataSpace),
            t.secretHash,
            t.createdBy,
            t.createdAt,
            bind(t.expiresAt),
            bind(t.lastUsedAt),
            bind(t.revokedAt),
          );
      } catch (error) {
        if (isUniqueViolation(error)) throw machineTokenExists(t.id);
        throw error;
      }
    });
  }

  get(id: string): Promise<MachineToken | undefined> {
    return Promise.resolve().then(() => {
      const row = this.#db.prepare(`SELECT ${COLUMNS} FROM machine_tokens WHERE id = ?`).get(id) as
        Row | undefined;
      return row && toToken(row);
    });
  }

  listByWorkspace(workspaceId: string): Promise<MachineToken[]> {
    return Promise.resolve().then(() =>
      (
        this.#db
          .prepare(`SELECT ${COLUMNS} FROM machine_tokens WHERE workspace = ? ORDER BY created_at, id`)
          .all(workspaceId) as unknown as Row[]
      ).map(toToken),
    );
  }

  touch(id: string, at: number): Promise<void> {
    return this.#writes.run(() => {
      this.#db.prepare('UPDATE machine_tokens SET last_used_at = ? WHERE id = ?').run(at, id);
    });
  }

  revoke(id: string, at: number): Promise<boolean> {
    return this.#writes.run(() => {
      const result = this.#db
        .prepare('UPDATE machine_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
        .run(at, id);
      return Number(result.changes) > 0;
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
    createdAt: r.created_at,
    ...opt('expiresAt', r.expires_at),
    ...opt('lastUsedAt', r.last_used_at),
    ...opt('revokedAt', r.revoked_at),
  };
}
