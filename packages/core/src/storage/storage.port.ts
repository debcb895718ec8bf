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
  /** Applies pending migrations; safe to call twice and from concurrent processes. */
  migrate(): Promise<MigrationReport>;
  /** Throws an operational error when unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
