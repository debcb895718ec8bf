import type { DatabaseSync } from 'node:sqlite';
import type { Session, SessionStore } from '@vigil/identity';
import type { WriteQueue } from '../connection/write-queue.ts';
import { bind, opt } from './sqlite-identity-row.ts';

interface Row {
  key: string;
  user_id: string;
  authenticated_at: number;
  issued_at: number;
  last_seen_at: number;
  expires_at: number;
  mfa: number;
  privilege_epoch: number;
  client_ip: string | null;
  user_agent: string | null;
}

const COLUMNS =
  'key, user_id, authenticated_at, issued_at, last_seen_at, expires_at, mfa, privilege_epoch, client_ip, user_agent';

/** Sessions keyed by `sessionKey(id)`: a stolen database holds no usable session id. */
export class SqliteSessionStore implements SessionStore {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;

  constructor(db: DatabaseSync, writes: WriteQueue) {
    this.#db = db;
    this.#writes = writes;
  }

  get(key: string): Promise<Session | undefined> {
    return Promise.resolve().then(() => {
      const row = this.#db.prepare(`SELECT ${COLUMNS} FROM sessions WHERE key = ?`).get(key) as
        Row | undefined;
      return row && toSession(row);
    });
  }

  put(s: Session): Promise<void> {
    return this.#writes.run(() => {
      this.#db
        .prepare(`INSERT OR REPLACE INTO sessions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(
          s.key,
          s.userId,
          s.authenticatedAt,
          s.issuedAt,
          s.lastSeenAt,
          s.expiresAt,
          bind(s.mfa),
          s.privilegeEpoch,
          bind(s.clientIp),
          bind(s.userAgent),
        );
    });
  }

  touch(key: string, lastSeenAt: number): Promise<void> {
    return this.#writes.run(() => {
      this.#db.prepare('UPDATE sessions SET last_seen_at = ? WHERE key = ?').run(lastSeenAt, key);
    });
  }

  delete(key: string): Promise<boolean> {
    return this.#writes.run(
      () => Number(this.#db.prepare('DELETE FROM sessions WHERE key = ?').run(key).changes) > 0,
    );
  }

  deleteByUser(userId: string): Promise<number> {
    return this.#writes.run(() =>
      Number(this.#db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId).changes),
    );
  }

  listByUser(userId: string): Promise<Session[]> {
    return Promise.resolve().then(() =>
      (
        this.#db
          .prepare(`SELECT ${COLUMNS} FROM sessions WHERE user_id = ? ORDER BY issued_at, key`)
          .all(userId) as unknown as Row[]
      ).map(toSession),
    );
  }

  deleteExpired(now: number, idleBefore: number): Promise<number> {
    return this.#writes.run(() =>
      Number(
        this.#db
          .prepare('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?')
          .run(now, idleBefore).changes,
      ),
    );
  }
}

function toSession(r: Row): Session {
  return {
    key: r.key,
    userId: r.user_id,
    authenticatedAt: r.authenticated_at,
    issuedAt: r.issued_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    mfa: r.mfa === 1,
    privilegeEpoch: r.privilege_epoch,
    ...opt('clientIp', r.client_ip),
    ...opt('userAgent', r.user_agent),
  };
}
