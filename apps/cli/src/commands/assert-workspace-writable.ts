import type { Logger } from '@vigil/core';
import type { VigilConfig } from '@vigil/config';
import { workspaceWriteRefusal } from '@vigil/identity';
import { openIdentityStores } from '@vigil/server';

/**
 * Local ingest writes straight into the store, past the server's gate, so it applies the same rule
 * itself: an archived or deletion-scheduled workspace is read-only (WORKSPACE_ARCHIVED /
 * WORKSPACE_DELETING, exit 1). A workspace the identity store does not know is left to the caller, as
 * before (offline imports into a fresh data dir are allowed).
 */
export async function assertWorkspaceWritable(
  config: VigilConfig,
  workspaceId: string,
  logger: Logger,
): Promise<void> {
  const stores = await openIdentityStores(config, logger);
  try {
    const refusal = workspaceWriteRefusal(await stores.workspaces.get(workspaceId));
    if (refusal) throw refusal;
  } finally {
    await stores.close();
  }
}
