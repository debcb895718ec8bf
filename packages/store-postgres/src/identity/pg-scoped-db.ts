import type { Pool, PoolClient } from 'pg';
import { withTransaction } from '../connection/pg-transaction.ts';

/**
 * Which rows a transaction may see under row-level security: one workspace's, or every row for
 * platform-level code (account lookups, token authentication, the audit chain).
 */
export type PgScope = { workspace: string } | 'platform';

type Guard = <T>(work: () => Promise<T>) => Promise<T>;

/** A pool plus the error guard, running each unit of work in a transaction scoped for RLS. */
export class PgScopedDb {
  readonly #pool: Pool;
  readonly #guard: Guard;

  constructor(pool: Pool, guard: Guard) {
    this.#pool = pool;
    this.#guard = guard;
  }

  /**
   * Runs `work` in a transaction after `SET LOCAL vigil.scope / vigil.workspace` (through set_config, so
   * the workspace travels as a parameter). LOCAL settings end with the transaction, so a pooled
   * connection never carries one request's scope into the next.
   */
  run<T>(scope: PgScope, work: (client: PoolClient) => Promise<T>): Promise<T> {
    return this.#guard(() =>
      withTransaction(this.#pool, async (client) => {
        await client.query(
          "SELECT set_config('vigil.scope', $1, true), set_config('vigil.workspace', $2, true)",
          scope === 'platform' ? ['platform', ''] : ['workspace', scope.workspace],
        );
        return work(client);
      }),
    );
  }
}

/** Scope for a row that belongs to `workspace`, or platform scope for an installation-wide one. */
export function scopeOf(workspace: string | undefined): PgScope {
  return workspace === undefined ? 'platform' : { workspace };
}
