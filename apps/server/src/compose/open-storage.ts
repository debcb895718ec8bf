import { join } from 'node:path';
import { userError, type Logger, type Storage } from '@vigil/core';
import type { VigilConfig } from '@vigil/config';
import { describeFailure, urlTarget } from './describe-failure.ts';

/** Storage of the configured mode, opened and described for error messages. */
export interface OpenedStorage {
  storage: Storage;
  /** `SQLite database /srv/var/vigil.db` or `PostgreSQL db:5432/vigil`. */
  target: string;
}

/** Distributed mode needs both service URLs; say which are missing and how to set them. */
export function requireServiceUrls(config: VigilConfig, role: string): { pgUrl: string; natsUrl: string } {
  const problems: string[] = [];
  if (!config.postgres.url)
    problems.push('postgres.url: required (set VIGIL_PG_URL or "postgres.url" in the config file)');
  if (!config.nats.url)
    problems.push('nats.url: required (set VIGIL_NATS_URL or "nats.url" in the config file)');
  if (problems.length > 0 || !config.postgres.url || !config.nats.url) {
    throw userError('CONFIG_INVALID', `invalid configuration for ${role}: ${problems.join('; ')}`, {
      details: { problems },
    });
  }
  return { pgUrl: config.postgres.url, natsUrl: config.nats.url };
}

/** Opens SQLite (embedded) or PostgreSQL (distributed) without migrating. */
export async function openStorage(config: VigilConfig, logger: Logger): Promise<OpenedStorage> {
  if (config.mode === 'embedded') {
    const { openSqliteStorage, SQLITE_FILE_NAME } = await import('@vigil/store-sqlite');
    const target = `SQLite database ${join(config.dataDir, SQLITE_FILE_NAME)}`;
    const storage = await describeFailure('cannot open storage', target, () =>
      openSqliteStorage({ dataDir: config.dataDir, logger }),
    );
    return { storage, target };
  }
  const { pgUrl } = requireServiceUrls(config, 'distributed mode');
  const { openPostgresStorage } = await import('@vigil/store-postgres');
  const target = `PostgreSQL ${urlTarget(pgUrl)}`;
  const storage = await describeFailure('cannot connect to storage', target, () =>
    openPostgresStorage({
      url: pgUrl,
      logger,
      ...(config.postgres.schema ? { schema: config.postgres.schema } : {}),
    }),
  );
  return { storage, target };
}

/** Opens the configured storage and applies pending migrations (closing it again if that fails). */
export async function openMigratedStorage(config: VigilConfig, logger: Logger) {
  const opened = await openStorage(config, logger);
  try {
    const report = await describeFailure('cannot migrate storage', opened.target, () =>
      opened.storage.migrate(),
    );
    logger.info({ applied: report.applied, current: report.current }, 'storage migrated');
    return { ...opened, report };
  } catch (err) {
    await opened.storage.close().catch(() => {});
    throw err;
  }
}
