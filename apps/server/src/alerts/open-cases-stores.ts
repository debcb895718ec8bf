import type { Logger } from '@vigil/core';
import type { VigilConfig } from '@vigil/config';
import { requireServiceUrls } from '../compose/open-storage.ts';
import type { CasesStores } from './cases-runtime.ts';

/** The cases stores of the configured mode (tables come with the storage migrations: migrate first). */
export async function openCasesStores(
  config: VigilConfig,
  logger: Logger,
): Promise<CasesStores & { close(): Promise<void> }> {
  if (config.mode === 'embedded') {
    const { openSqliteCasesStores } = await import('@vigil/store-sqlite');
    return openSqliteCasesStores({ dataDir: config.dataDir });
  }
  const { pgUrl } = requireServiceUrls(config, 'distributed mode');
  const { openPostgresCasesStores } = await import('@vigil/store-postgres');
  return openPostgresCasesStores({
    url: pgUrl,
    logger,
    ...(config.postgres.schema ? { schema: config.postgres.schema } : {}),
  });
}
