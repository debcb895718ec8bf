import type { ManualClock, Storage } from '@vigil/core';
import { eventFilterContract } from './event-filter.contract.ts';
import { eventRetentionContract } from './event-retention.contract.ts';
import { eventStoreContract } from './event-store.contract.ts';
import { migrationsContract } from './migrations.contract.ts';
import type { MigrationTarget } from './migrations.contract.ts';
import { recordRepositoryContract } from './record-repository.contract.ts';

export interface StorageContractTarget {
  /** A Storage on the shared test database (tests isolate themselves by unique workspaces). */
  open(clock?: ManualClock): Promise<Storage>;
  /** A new, empty database for the migration tests. */
  freshDatabase(): Promise<MigrationTarget>;
}

/** Every storage contract suite, for one adapter. */
export function storageContract(name: string, target: StorageContractTarget): void {
  const open = () => target.open();
  eventStoreContract(name, open);
  eventFilterContract(name, open);
  eventRetentionContract(name, open);
  recordRepositoryContract(name, (clock) => target.open(clock));
  migrationsContract(name, () => target.freshDatabase());
}
