import type { Workspace } from './workspace.ts';
import { workspaceExists } from './workspace.error.ts';
import type { WorkspaceStore } from './workspace.port.ts';

const byId = (a: Workspace, b: Workspace) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** In-memory `WorkspaceStore` for tests and the reference behaviour for adapters. */
export class MemoryWorkspaceStore implements WorkspaceStore {
  readonly #rows = new Map<string, Workspace>();

  create(workspace: Workspace): Promise<void> {
    if (this.#rows.has(workspace.id)) return Promise.reject(workspaceExists(workspace.id));
    this.#rows.set(workspace.id, { ...workspace });
    return Promise.resolve();
  }
  get(id: string): Promise<Workspace | undefined> {
    const row = this.#rows.get(id);
    return Promise.resolve(row && { ...row });
  }
  list(): Promise<Workspace[]> {
    return Promise.resolve([...this.#rows.values()].sort(byId).map((w) => ({ ...w })));
  }
  update(workspace: Workspace): Promise<boolean> {
    const row = this.#rows.get(workspace.id);
    if (!row) return Promise.resolve(false);
    this.#rows.set(workspace.id, { ...workspace, createdAt: row.createdAt });
    return Promise.resolve(true);
  }
  listDueForDeletion(now: number): Promise<Workspace[]> {
    const due = [...this.#rows.values()].filter(
      (w) => w.status === 'deleting' && w.deleteAfter !== undefined && w.deleteAfter <= now,
    );
    return Promise.resolve(due.sort(byId).map((w) => ({ ...w })));
  }
  delete(id: string): Promise<boolean> {
    return Promise.resolve(this.#rows.delete(id));
  }
}
