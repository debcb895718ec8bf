import type { OperatorAccessGrant, OperatorAccessStatus } from './operator-access.ts';
import type { OperatorAccessStore } from './operator-access.port.ts';

/** Oldest request first, ties by id: the order of the security managers' queue. */
export function compareOperatorAccess(a: OperatorAccessGrant, b: OperatorAccessGrant): number {
  return a.requestedAt - b.requestedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** In-memory `OperatorAccessStore` for tests and the reference behaviour for adapters. */
export class MemoryOperatorAccessStore implements OperatorAccessStore {
  readonly #rows = new Map<string, OperatorAccessGrant>();

  create(grant: OperatorAccessGrant): Promise<void> {
    this.#rows.set(grant.id, structuredClone(grant));
    return Promise.resolve();
  }
  get(id: string): Promise<OperatorAccessGrant | undefined> {
    const row = this.#rows.get(id);
    return Promise.resolve(row && structuredClone(row));
  }
  update(grant: OperatorAccessGrant, expectedStatus: OperatorAccessStatus): Promise<boolean> {
    const row = this.#rows.get(grant.id);
    if (!row || row.status !== expectedStatus) return Promise.resolve(false);
    this.#rows.set(grant.id, structuredClone(grant));
    return Promise.resolve(true);
  }
  listByWorkspace(workspaceId: string): Promise<OperatorAccessGrant[]> {
    return this.#select((g) => g.workspaceId === workspaceId, true);
  }
  listApprovedForOperator(operatorId: string): Promise<OperatorAccessGrant[]> {
    return this.#select((g) => g.operatorId === operatorId && g.status === 'approved', false);
  }
  listByOperator(operatorId: string): Promise<OperatorAccessGrant[]> {
    return this.#select((g) => g.operatorId === operatorId, true);
  }
  listPending(): Promise<OperatorAccessGrant[]> {
    return this.#select((g) => g.status === 'requested', false);
  }

  #select(keep: (g: OperatorAccessGrant) => boolean, newestFirst: boolean): Promise<OperatorAccessGrant[]> {
    const rows = [...this.#rows.values()].filter(keep).sort(compareOperatorAccess);
    if (newestFirst) rows.reverse();
    return Promise.resolve(structuredClone(rows));
  }
}
