import { systemClock, userError, type Logger, type Storage } from '@vigil/core';
import type { IdentityStores } from '@vigil/identity';
import type { VigilConfig } from '@vigil/config';
import { requireServiceUrls } from '../compose/open-storage.ts';
import { createIdentityRuntime, type IdentityRuntime } from './identity-runtime.ts';
import { loadMasterKeyring } from './master-key-source.ts';
import { watchMasterKeyring } from './watch-master-keyring.ts';
import { loadAuditPublicKey } from './audit-signing-key-store.ts';
import { parseRoleMap, type OidcSettings } from './oidc/oidc-client.ts';
import { serverUsesTls } from '../tls/server-tls.ts';

/** SSO settings when issuer, client id, secret and redirect URL are all configured. */
export function oidcSettings(config: VigilConfig): OidcSettings | undefined {
  const s = config.security;
  if (s.oidcIssuer === undefined) return undefined;
  if (s.oidcClientId === undefined || s.oidcClientSecret === undefined || s.oidcRedirectUrl === undefined) {
    throw userError(
      'CONFIG_INVALID',
      'invalid configuration: security.oidcIssuer needs oidcClientId, oidcClientSecret and oidcRedirectUrl',
    );
  }
  return {
    issuer: s.oidcIssuer,
    clientId: s.oidcClientId,
    clientSecret: s.oidcClientSecret,
    redirectUrl: s.oidcRedirectUrl,
    groupsClaim: s.oidcGroupsClaim,
    roleMap: parseRoleMap(s.oidcRoleMap),
  };
}

/** How often the running server signs a checkpoint of the audit chain head. */
export const CHECKPOINT_INTERVAL_MS = 5 * 60_000;

export interface OpenedIdentity {
  runtime: IdentityRuntime;
  close(): Promise<void>;
}

/** The identity stores of the configured mode (tables come with the storage migrations: migrate first). */
export async function openIdentityStores(
  config: VigilConfig,
  logger: Logger,
): Promise<IdentityStores & { close(): Promise<void> }> {
  if (config.mode === 'embedded') {
    const { openSqliteIdentityStores } = await import('@vigil/store-sqlite');
    return openSqliteIdentityStores({ dataDir: config.dataDir });
  }
  const { pgUrl } = requireServiceUrls(config, 'distributed mode');
  const { openPostgresIdentityStores } = await import('@vigil/store-postgres');
  return openPostgresIdentityStores({
    url: pgUrl,
    logger,
    ...(config.postgres.schema ? { schema: config.postgres.schema } : {}),
  });
}

/**
 * Opens the identity runtime over migrated storage. The master key is created (file, 0600) only on a
 * fresh installation: once secrets are sealed, a missing key is an error rather than a silent new key.
 */
export async function openIdentity(
  config: VigilConfig,
  storage: Storage,
  logger: Logger,
): Promise<OpenedIdentity> {
  const fresh = (await loadAuditPublicKey(storage.metadata)) === undefined;
  const keyring = loadMasterKeyring(config, { create: fresh });
  const oidc = oidcSettings(config);
  const stores = await openIdentityStores(config, logger);
  try {
    const runtime = await createIdentityRuntime({
      stores,
      metadata: storage.metadata,
      masterKey: keyring.current,
      previousMasterKeys: keyring.previous,
      reloadMasterKeys: () => loadMasterKeyring(config, { create: false }),
      clock: systemClock,
      tls: serverUsesTls(config),
      ...(oidc ? { oidc } : {}),
      sessionPolicy: {
        idleTimeoutMs: config.security.sessionIdleTimeoutMs,
        absoluteTimeoutMs: config.security.sessionAbsoluteTimeoutMs,
        touchIntervalMs: Math.min(60_000, Math.floor(config.security.sessionIdleTimeoutMs / 10)),
      },
    });
    // Sign the chain head regularly (not only every 100 records), so a rewrite is caught soon after.
    const timer = setInterval(() => {
      runtime.audit.checkpoint().catch((err: unknown) => logger.warn({ err }, 'audit checkpoint failed'));
    }, CHECKPOINT_INTERVAL_MS);
    timer.unref();
    // Rotation without downtime: the key file is re-read periodically and on SIGHUP.
    const keyWatch = watchMasterKeyring(
      runtime.box,
      () => loadMasterKeyring(config, { create: false }),
      logger,
    );
    return {
      runtime,
      close: async () => {
        clearInterval(timer);
        keyWatch.stop();
        await runtime.audit
          .checkpoint()
          .catch((err: unknown) => logger.warn({ err }, 'audit checkpoint failed'));
        await stores.close();
      },
    };
  } catch (err) {
    await stores.close().catch(() => {});
    throw err;
  }
}
