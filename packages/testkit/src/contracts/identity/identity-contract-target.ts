import { after, before } from 'node:test';
import type { IdentityStores } from '@vigil/identity';

/** One empty, migrated database (or memory) under test. */
export interface IdentityStoresHandle {
  readonly kind: 'memory' | 'sqlite' | 'postgres';
  readonly stores: IdentityStores;
  /**
   * A second, independent instance over the same database (another connection or pool), to race
   * against `stores` as two processes would. Memory returns the same stores.
   */
  twin(): Promise<IdentityStores>;
  /** Runs one raw SQL statement on the database (adapters only): proves what the schema itself refuses. */
  rawSql?(sql: string): Promise<void>;
  /** Closes `stores`, every twin, and disposes of the database. */
  close(): Promise<void>;
}

/** Opens a fresh handle: each contract suite gets its own empty database. */
export type IdentityStoresFactory = () => Promise<IdentityStoresHandle>;

/** Opens a handle before the suite's tests and closes it after; call inside `describe`. */
export function useIdentityStores(factory: IdentityStoresFactory): () => IdentityStoresHandle {
  let handle: IdentityStoresHandle | undefined;
  before(async () => {
    handle = await factory();
  });
  after(async () => {
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error('identity stores are not open yet');
    return handle;
  };
}

/** Runs `attempt` `n` times at once, alternating between two instances; returns how many returned true. */
export async function raceWins(
  stores: IdentityStores,
  twin: IdentityStores,
  n: number,
  attempt: (s: IdentityStores) => Promise<boolean>,
): Promise<number> {
  const results = await Promise.all(
    Array.from({ length: n }, (_, i) => attempt(i % 2 === 0 ? stores : twin)),
  );
  return results.filter(Boolean).length;
}
