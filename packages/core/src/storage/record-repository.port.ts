/**
 * Repository pattern for metadata (workspaces' rules, sources, saved queries…): JSON documents of one
 * `kind`, always scoped by workspace, with optimistic concurrency through `version`.
 * Domains that need their own tables (audit chain, sessions) add migrations in each adapter instead.
 */
export interface StoredRecord<T> {
  workspace: string;
  id: string;
  /** Starts at 1; every update increments it. */
  version: number;
  /** Epoch ms. */
  createdAt: number;
  updatedAt: number;
  data: T;
}

export interface ListOptions {
  /** 1..1000, default 100. */
  limit?: number;
  /** Return records whose id sorts after this one (keyset pagination). */
  after?: string;
}

export interface RecordRepository<T> {
  get(workspace: string, id: string): Promise<StoredRecord<T> | undefined>;
  /** Ordered by id. */
  list(workspace: string, options?: ListOptions): Promise<StoredRecord<T>[]>;
  /** Fails with code RECORD_EXISTS (409) when the id is taken. */
  create(workspace: string, id: string, data: T): Promise<StoredRecord<T>>;
  /** Fails with RECORD_NOT_FOUND (404) or VERSION_CONFLICT (409) when `expectedVersion` is stale. */
  update(workspace: string, id: string, expectedVersion: number, data: T): Promise<StoredRecord<T>>;
  /** True when a record was deleted. */
  delete(workspace: string, id: string): Promise<boolean>;
}

export interface MetadataStore {
  /** A repository for one kind of record (`[a-z][a-z0-9_.-]*`). */
  repository<T>(kind: string): RecordRepository<T>;
}
