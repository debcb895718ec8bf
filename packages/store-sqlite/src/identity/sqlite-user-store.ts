import type { DatabaseSync } from 'node:sqlite';
import { usernameKey, usernameTaken, userExists } from '@vigil/identity';
import type { User, UserStore } from '@vigil/identity';
import type { WriteQueue } from '../connection/write-queue.ts';
import { bind, isUniqueViolation, opt } from './sqlite-identity-row.ts';

interface Row {
  id: string;
  username: string;
  display_name: string | null;
  email: string | null;
  password_hash: string | null;
  disabled: number;
  must_change_password: number;
  mfa_enabled: number;
  created_at: number;
  updated_at: number;
}

const COLUMNS =
  'id, username, display_name, email, password_hash, disabled, must_change_password, mfa_enabled, created_at, updated_at';

/** Accounts; `username_key` (a unique column) makes usernames unique case-insensitively. */
export class SqliteUserStore implements UserStore {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;

  constructor(db: DatabaseSync, writes: WriteQueue) {
    this.#db = db;
    this.#writes = writes;
  }

  create(user: User): Promise<void> {
    return this.#writes.run(() => {
      try {
        this.#db
          .prepare(`INSERT INTO users (${COLUMNS}, username_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(...params(user), usernameKey(user.username));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (this.#db.prepare('SELECT 1 FROM users WHERE id = ?').get(user.id)) throw userExists(user.id);
        throw usernameTaken(user.username);
      }
    });
  }

  createFirst(user: User): Promise<boolean> {
    // One statement under SQLite's single writer lock: no other connection can insert in between.
    return this.#writes.run(() => {
      const result = this.#db
        .prepare(
          `INSERT INTO users (${COLUMNS}, username_key)
           SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM users)`,
        )
        .run(...params(user), usernameKey(user.username));
      return Number(result.changes) > 0;
    });
  }

  get(id: string): Promise<User | undefined> {
    return Promise.resolve().then(() => {
      const row = this.#db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id) as Row | undefined;
      return row && toUser(row);
    });
  }

  getByUsername(username: string): Promise<User | undefined> {
    return Promise.resolve().then(() => {
      const row = this.#db
        .prepare(`SELECT ${COLUMNS} FROM users WHERE username_key = ?`)
        .get(usernameKey(username)) as Row | undefined;
      return row && toUser(row);
    });
  }

  list(options: { after?: string; limit?: number } = {}): Promise<User[]> {
    return Promise.resolve().then(() => {
      const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000);
      const rows = this.#db
        .prepare(`SELECT ${COLUMNS} FROM users WHERE id > ? ORDER BY id LIMIT ?`)
        .all(options.after ?? '', limit) as unknown as Row[];
      return rows.map(toUser);
    });
  }

  update(user: User): Promise<boolean> {
    return this.#writes.run(() => {
      try {
        const [, ...rest] = params(user);
        const result = this.#db
          .prepare(
            `UPDATE users SET username = ?, display_name = ?, email = ?, password_hash = ?, disabled = ?,
               must_change_password = ?, mfa_enabled = ?, created_at = ?, updated_at = ?, username_key = ?
             WHERE id = ?`,
          )
          .run(...rest, usernameKey(user.username), user.id);
        return Number(result.changes) > 0;
      } catch (error) {
        if (isUniqueViolation(error)) throw usernameTaken(user.username);
        throw error;
      }
    });
  }

  delete(id: string): Promise<boolean> {
    return this.#writes.run(
      () => Number(this.#db.prepare('DELETE FROM users WHERE id = ?').run(id).changes) > 0,
    );
  }

  count(): Promise<number> {
    return Promise.resolve().then(
      () => (this.#db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n,
    );
  }
}

function params(u: User) {
  return [
    u.id,
    u.username,
    bind(u.displayName),
    bind(u.email),
    bind(u.passwordHash),
    bind(u.disabled),
    bind(u.mustChangePassword),
    bind(u.mfaEnabled),
    u.createdAt,
    u.updatedAt,
  ] as const;
}

function toUser(r: Row): User {
  return {
    id: r.id,
    username: r.username,
    ...opt('displayName', r.display_name),
    ...opt('email', r.email),
    ...opt('passwordHash', r.password_hash),
    disabled: r.disabled === 1,
    mustChangePassword: r.must_change_password === 1,
    mfaEnabled: r.mfa_enabled === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
