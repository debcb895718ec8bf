import { usernameKey, type User } from './user.ts';
import { userExists, usernameTaken } from './user.error.ts';
import type { UserStore } from './user.port.ts';

/** In-memory `UserStore` for tests and the reference behaviour for adapters. */
export class MemoryUserStore implements UserStore {
  readonly #rows = new Map<string, User>();

  create(user: User): Promise<void> {
    if (this.#rows.has(user.id)) return Promise.reject(userExists(user.id));
    if (this.#taken(user)) return Promise.reject(usernameTaken(user.username));
    this.#rows.set(user.id, structuredClone(user));
    return Promise.resolve();
  }
  createFirst(user: User): Promise<boolean> {
    if (this.#rows.size > 0) return Promise.resolve(false);
    this.#rows.set(user.id, structuredClone(user));
    return Promise.resolve(true);
  }
  get(id: string): Promise<User | undefined> {
    const row = this.#rows.get(id);
    return Promise.resolve(row && structuredClone(row));
  }
  getByUsername(username: string): Promise<User | undefined> {
    const key = usernameKey(username);
    const row = [...this.#rows.values()].find((u) => usernameKey(u.username) === key);
    return Promise.resolve(row && structuredClone(row));
  }
  list(options: { after?: string; limit?: number } = {}): Promise<User[]> {
    const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000);
    const after = options.after ?? '';
    const rows = [...this.#rows.values()]
      .filter((u) => u.id > after)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit);
    return Promise.resolve(structuredClone(rows));
  }
  update(user: User): Promise<boolean> {
    if (!this.#rows.has(user.id)) return Promise.resolve(false);
    if (this.#taken(user)) return Promise.reject(usernameTaken(user.username));
    this.#rows.set(user.id, structuredClone(user));
    return Promise.resolve(true);
  }
  delete(id: string): Promise<boolean> {
    return Promise.resolve(this.#rows.delete(id));
  }
  count(): Promise<number> {
    return Promise.resolve(this.#rows.size);
  }

  #taken(user: User): boolean {
    const key = usernameKey(user.username);
    for (const other of this.#rows.values())
      if (other.id !== user.id && usernameKey(other.username) === key) return true;
    return false;
  }
}
