import { userError, type MetadataStore, type RecordRepository, type StoredRecord } from '@vigil/core';

/** In-memory `MetadataStore` for servers built without storage (tests, the default identity runtime). */
export class MemoryMetadataStore implements MetadataStore {
  readonly #rows = new Map<string, StoredRecord<unknown>>();

  repository<T>(kind: string): RecordRepository<T> {
    const rows = this.#rows;
    const key = (workspace: string, id: string) => JSON.stringify([kind, workspace, id]);
    const copy = (r: StoredRecord<unknown>) => structuredClone(r) as StoredRecord<T>;
    return {
      get: (workspace, id) => {
        const row = rows.get(key(workspace, id));
        return Promise.resolve(row && copy(row));
      },
      list: (workspace, options) => {
        const prefix = JSON.stringify([kind, workspace]).slice(0, -1);
        const out = [...rows.entries()]
          .filter(([k, r]) => k.startsWith(prefix) && r.id > (options?.after ?? ''))
          .map(([, r]) => r)
          .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .slice(0, options?.limit ?? 100);
        return Promise.resolve(out.map(copy));
      },
      create: (workspace, id, data) => {
        if (rows.has(key(workspace, id)))
          return Promise.reject(userError('RECORD_EXISTS', `${kind} ${id} already exists`, { status: 409 }));
        const now = Date.now();
        const row = { workspace, id, version: 1, createdAt: now, updatedAt: now, data };
        rows.set(key(workspace, id), structuredClone(row));
        return Promise.resolve(copy(row));
      },
      update: (workspace, id, expectedVersion, data) => {
        const row = rows.get(key(workspace, id));
        if (!row)
          return Promise.reject(userError('RECORD_NOT_FOUND', `${kind} ${id} not found`, { status: 404 }));
        if (row.version !== expectedVersion)
          return Promise.reject(userError('VERSION_CONFLICT', 'stale version', { status: 409 }));
        const next = { ...row, version: row.version + 1, updatedAt: Date.now(), data };
        rows.set(key(workspace, id), structuredClone(next));
        return Promise.resolve(copy(next));
      },
      delete: (workspace, id) => Promise.resolve(rows.delete(key(workspace, id))),
    };
  }
}
