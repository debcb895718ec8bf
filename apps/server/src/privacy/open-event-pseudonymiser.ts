import type { Logger } from '@vigil/core';
import type { VigilConfig } from '@vigil/config';
import type { EventPseudonymisationStore } from '@vigil/identity';
import { requireServiceUrls } from '../compose/open-storage.ts';

/** Opens the event pseudonymiser of the configured store; callers close it after one operation. */
export type OpenEventPseudonymiser = () => Promise<EventPseudonymisationStore>;

/** The configured mode's pseudonymiser (its own connection: the operation is rare and sequential). */
export function eventPseudonymiserOpener(config: VigilConfig, logger: Logger): OpenEventPseudonymiser {
  return async () => {
    if (config.mode === 'embedded') {
      const { openSqliteEventPseudonymiser } = await import('@vigil/store-sqlite');
      return openSqliteEventPseudonymiser({ dataDir: config.dataDir });
    }
    const { pgUrl } = requireServiceUrls(config, 'distributed mode');
    const { openPostgresEventPseudonymiser } = await import('@vigil/store-postgres');
    return openPostgresEventPseudonymiser({
      url: pgUrl,
      logger,
      ...(config.postgres.schema ? { schema: config.postgres.schema } : {}),
    });
  };
}
