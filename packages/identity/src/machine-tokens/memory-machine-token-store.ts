import type { MachineToken } from './machine-token.ts';
import type { MachineTokenStore } from './machine-token.port.ts';
import { machineTokenExists } from './machine-token.error.ts';

/** In-memory `MachineTokenStore` for tests and the reference behaviour for adapters. */
export class MemoryMachineTokenStore implements MachineTokenStore {
  readonly #rows = new Map<string, MachineToken>();

  create(token: MachineToken): Promise<void> {
    if (this.#rows.has(token.id)) return Promise.reject(machineTokenExists(token.id));
    this.#rows.set(token.id, { ...token });
    return Promise.resolve();
  }
  get(id: string): Promise<MachineToken | undefined> {
    const row = this.#rows.get(id);
    return Promise.resolve(row && { ...row });
  }
  /** Oldest first, ties by id. */
  listByWorkspace(workspaceId: string): Promise<MachineToken[]> {
    const rows = [...this.#rows.values()]
      .filter((t) => t.workspaceId === workspaceId)
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return Promise.resolve(rows.map((t) => ({ ...t })));
  }
  touch(id: string, at: number): Promise<void> {
    const row = this.#rows.get(id);
    if (row) row.lastUsedAt = at;
    return Promise.resolve();
  }
  revoke(id: string, at: number): Promise<boolean> {
    const row = this.#rows.get(id);
    if (!row || row.revokedAt !== undefined) return Promise.resolve(false);
    row.revokedAt = at;
    return Promise.resolve(true);
  }
}
