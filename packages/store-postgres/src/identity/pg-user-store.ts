import { usernameKey, usernameTaken, userExists } from '@vigil/identity';
import type { User, UserStore } from '@vigil/identity';
import { constraintOf, isUniqueViolation, opt } from './pg-identity-row.ts';
import type { PgScopedDb } from './pg-scoped-db.ts';

interface Row {
  id: string;
  username: string;
  display_name: string | null;
  email: string | null;
  password_hash: string | null;
  disabled: boolean;
  must_change_password: boolean;
  mfa_enabled: boolean;
  created_at: string;
  updated_at: string;
}

const COLUMNS =
  'id, username, display_name, email, password_hash, disabled, must_change_password, mfa_enabled, created_at, updated_at';

/** Accounts (platform-level); `username_key` (unique) makes usernames unique case-insensitively. */
export class PgUserStore implements UserStore {
  readonly #db: PgScopedDb;

  constructor(db: PgScopedDb) {
    this.#db = db;
  }

  async create(user: User): Promise<void> {
    try {
      await this.#db.run('platform', (c) =>
        c.query(
          `INSERT INTO users (${COLUMNS}, username_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [...params(user), usernameKey(user.username)],
        ),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw constraintOf(error) === 'users_pkey' ? userExists(user.id) : usernameTaken(user.username);
    }
  }

  createFirst(user: User): Promise<boolean> {
    return this.#db.run('platform', async (c) => {
      // Under READ COMMITTED two transactions would both see no account; the transaction-scoped
      // advisory lock serialises first-run claims across every process of the installation.
      await c.query("SELECT pg_advisory_xact_lock(hashtext('vigil:first-run'))");
      const result = await c.query(
        `INSERT INTO users (${COLUMNS}, username_key)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 WHERE NOT EXISTS (SELECT 1 FROM users)`,
        [...params(user), usernameKey(user.username)],
      );
      return (result.rowCount ?? 0) > 0;
    });
  }

  get(id: string): Promise<User | undefined> {
    return this.#one(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
  }

  getByUsername(username: string): Promise<User | undefined> {
    return this.#one(`SELECT ${COLUMNS} FROM users WHERE username_key = $1`, [usernameKey(username)]);
  }

  list(options: { after?: string; limit?: number } = {}): Promise<User[]> {
    const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000);
    return this.#db.run('platform', async (c) => {
      const result = await c.query<Row>(`SELECT ${COLUMNS} FROM users WHERE id > $1 ORDER BY id LIMIT $2`, [
        options.after ?? '',
        limit,
      ]);
      return result.rows.map(toUser);
    });
  }

  async update(user: User): Promise<boolean> {
    try {
      return await this.#db.run('platform', async (c) => {
        const result = await c.query(
          `UPDATE users SET username = $2, display_name = $3, email = $4, password_hash = $5, disabled = $6,
             must_change_password = $7, mfa_enabled = $8, created_at = $9, updated_at = $10, username_key = $11
           WHERE id = $1`,
          [...params(user), usernameKey(user.username)],
        );
        return (result.rowCount ?? 0) > 0;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw usernameTaken(user.username);
      throw error;
    }
  }

  delete(id: string): Promise<boolean> {
    return this.#db.run(
      'platform',
      async (c) => ((await c.query('DELETE FROM users WHERE id = $1', [id])).rowCount ?? 0) > 0,
    );
  }

  count(): Promise<number> {
    return this.#db.run('platform', async (c) => {
      const result = await c.query<{ n: string }>('SELECT count(*) AS n FROM users');
      return Number(result.rows[0]?.n ?? 0);
    });
  }

  #one(sql: string, values: unknown[]): Promise<User | undefined> {
    return this.#db.run('platform', async (c) => {
      const row = (await c.query<Row>(sql, values)).rows[0];
      return row && toUser(row);
    });
  }
}

function params(u: User): unknown[] {
  return [
    u.id,
    u.username,
    u.displayName ?? null,
    u.email ?? null,
    u.passwordHash ?? null,
    u.disabled,
    u.mustChangePassword,
    u.mfaEnabled,
    u.createdAt,
    u.updatedAt,
  ];
}

function toUser(r: Row): User {
  return {
    id: r.id,
    username: r.username,
    ...opt('displayName', r.display_name),
    ...opt('email', r.email),
    ...opt('passwordHash', r.password_hash),
    disabled: r.disabled,
    mustChangePassword: r.must_change_password,
    mfaEnabled: r.mfa_enabled,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}
