import type { Session, SessionStore } from '@vigil/identity';
import { opt } from './pg-identity-row.ts';
import type { PgScopedDb } from './pg-scoped-db.ts';

interface Row {
  key: string;
  user_id: string;
  authenticated_at: string;
  issued_at: string;
  last_seen_at: string;
  expires_at: string;
  mfa: boolean;
  privilege_epoch: number;
  client_ip: string | null;
  user_agent: string | null;
}

const COLUMNS =
  'key, user_id, authenticated_at, issued_at, last_seen_at, expires_at, mfa, privilege_epoch, client_ip, user_agent';

/** Sessions keyed by `sessionKey(id)`: a stolen database holds no usable session id. */
export class PgSessionStore implements SessionStore {
  readonly #db: PgScopedDb;

  constructor(db: PgScopedDb) {
    this.#db = db;
  }

  get(key: string): Promise<Session | undefined> {
    return this.#db.run('platform', async (c) => {
      const row = (await c.query<Row>(`SELECT ${COLUMNS} FROM sessions WHERE key = $1`, [key])).rows[0];
      return row && toSession(row);
    });
  }

  async put(s: Session): Promise<void> {
    await this.#db.run('platform', (c) =>
      c.query(
        `INSERT INTO sessions (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (key) DO UPDATE SET user_id = excluded.user_id, authenticated_at = excluded.authenticated_at,
           issued_at = excluded.issued_at, last_seen_at = excluded.last_seen_at, expires_at = excluded.expires_at,
           mfa = excluded.mfa, privilege_epoch = excluded.privilege_epoch, client_ip = excluded.client_ip,
           user_agent = excluded.user_agent`,
        [
          s.key,
          s.userId,
          s.authenticatedAt,
          s.issuedAt,
          s.lastSeenAt,
          s.expiresAt,
          s.mfa,
          s.privilegeEpoch,
          s.clientIp ?? null,
          s.userAgent ?? null,
        ],
      ),
    );
  }

  async touch(key: string, lastSeenAt: number): Promise<void> {
    await this.#db.run('platform', (c) =>
      c.query('UPDATE sessions SET last_seen_at = $2 WHERE key = $1', [key, lastSeenAt]),
    );
  }

  delete(key: string): Promise<boolean> {
    return this.#count('DELETE FROM sessions WHERE key = $1', [key]).then((n) => n > 0);
  }

  deleteByUser(userId: string): Promise<number> {
    return this.#count('DELETE FROM sessions WHERE user_id = $1', [userId]);
  }

  listByUser(userId: string): Promise<Session[]> {
    return this.#db.run('platform', async (c) => {
      const result = await c.query<Row>(
        `SELECT ${COLUMNS} FROM sessions WHERE user_id = $1 ORDER BY issued_at, key`,
        [userId],
      );
      return result.rows.map(toSession);
    });
  }

  deleteExpired(now: number, idleBefore: number): Promise<number> {
    return this.#count('DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2', [
      now,
      idleBefore,
    ]);
  }

  #count(sql: string, values: unknown[]): Promise<number> {
    return this.#db.run('platform', async (c) => (await c.query(sql, values)).rowCount ?? 0);
  }
}

function toSession(r: Row): Session {
  return {
    key: r.key,
    userId: r.user_id,
    authenticatedAt: Number(r.authenticated_at),
    issuedAt: Number(r.issued_at),
    lastSeenAt: Number(r.last_seen_at),
    expiresAt: Number(r.expires_at),
    mfa: r.mfa,
    privilegeEpoch: r.privilege_epoch,
    ...opt('clientIp', r.client_ip),
    ...opt('userAgent', r.user_agent),
  };
}
