import type { Pool, PoolClient } from 'pg';
import { withTransaction } from '../connection/pg-transaction.ts';
import type { PgScope } from '../identity/pg-scoped-db.ts';

/**
 * Sets the row-level-security scope of the current transaction (`is_local` = true, so it ends with the
 * transaction and a pooled connection never carries it into the next one). Scope and workspace travel
 * as parameters in one `set_config` round trip.
 */
export async function setScope(client: PoolClient, scope: PgScope): Promise<void> {
  await client.query(
    "SELECT set_config('vigil.scope', $1, true), set_config('vigil.workspace', $2, true)",
    scope === 'platform' ? ['platform', ''] : ['workspace', scope.workspace],
  );
}

/** Runs `work` in one transaction whose statements see only `scope`'s rows (events, spaces, records). */
export function withScope<T>(
  pool: Pool,
  scope: PgScope,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  return withTransaction(pool, async (client) => {
    await setScope(client, scope);
    return work(client);
  });
}
