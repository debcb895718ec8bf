import type { EventStore } from './event-store.port.ts';
import type { MetadataStore } from './record-repository.port.ts';
import type { MigrationReport } from './migration.ts';
import type { EventSearch } from './event-search.port.ts';

/** Everything a composition root gets from one storage adapter. */
export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  readonly events: EventStore;
  readonly metadata: MetadataStore;
  /** Query-language search over events (compiled to SQL); absent on stores without it. */
  readonly search?: EventSearch;
  /**
   * Workspace purge: deletes the workspace's rows from every table with a `workspace` column (so a new
   * table is covered without registering it), except the append-only audit log. Returns rows per table.
   */
  purgeWorkspaceRows?(workspace: string): Promise<Record<string, number>>;
  /** Applies pending migrations; safe to call twice and from concurrent processes. */
  migrate(): Promise<MigrationReport>;
  /** Throws an operational error when unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
