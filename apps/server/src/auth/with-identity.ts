import type { Logger, Storage } from '@vigil/core';
import type { VigilConfig } from '@vigil/config';
import { openMigratedStorage } from '../compose/open-storage.ts';
import type { IdentityRuntime } from './identity-runtime.ts';
import { openIdentity, openIdentityStores } from './open-identity.ts';
import type { IdentityStores } from '@vigil/identity';

/** For CLI commands: opens (and migrates) storage and the identity runtime, runs `fn`, closes both. */
export async function withIdentity<T>(
  config: VigilConfig,
  logger: Logger,
  fn: (rt: IdentityRuntime, storage: Storage) => Promise<T>,
): Promise<T> {
  const { storage } = await openMigratedStorage(config, logger);
  try {
    const identity = await openIdentity(config, storage, logger);
    try {
      return await fn(identity.runtime, storage);
    } finally {
      await identity.close();
    }
  } finally {
    await storage.close();
  }
}

/** Like `withIdentity` without the master key: for read-only checks such as `vigil audit verify`. */
export async function withIdentityStores<T>(
  config: VigilConfig,
  logger: Logger,
  fn: (stores: IdentityStores, storage: Storage) => Promise<T>,
): Promise<T> {
  const { storage } = await openMigratedStorage(config, logger);
  try {
    const stores = await openIdentityStores(config, logger);
    try {
      return await fn(stores, storage);
    } finally {
      await stores.close();
    }
  } finally {
    await storage.close();
  }
}
