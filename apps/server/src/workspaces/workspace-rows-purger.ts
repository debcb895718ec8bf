import type { Logger, Storage } from '@vigil/core';

/**
 * The purge job's catch-all: the store deletes the workspace's rows from every table with a `workspace`
 * column (alerts, incidents, attachments, suppressions, every record kind — rules, exceptions, scheduled
 * rules and their ledger, saved queries, coverage, cross-workspace grants…), audit log excepted.
 */
export function workspaceRowsPurger(
  storage: Pick<Storage, 'purgeWorkspaceRows'>,
  logger: Logger,
): (workspaceId: string) => Promise<number> {
  return async (workspaceId) => {
    if (storage.purgeWorkspaceRows === undefined) return 0;
    const counts = await storage.purgeWorkspaceRows(workspaceId);
    logger.info({ workspaceId, tables: counts }, 'workspace rows purged');
    return Object.values(counts).reduce((a, b) => a + b, 0);
  };
}
