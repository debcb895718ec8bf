import { systemClock, type Clock, type IdGenerator } from '@vigil/core';
import {
  generateMasterKey,
  memoryIdentityStores,
  type Argon2Params,
  type IdentityStores,
} from '@vigil/identity';
import { createIdentityRuntime, type IdentityRuntime } from './identity-runtime.ts';
import { MemoryMetadataStore } from './memory-metadata-store.ts';
import type { OidcSettings } from './oidc/oidc-client.ts';

/** Cheap Argon2id parameters for tests only (production uses OWASP's). */
export const TEST_PASSWORD_PARAMS: Argon2Params = { memoryKiB: 1024, passes: 1, parallelism: 1 };

/**
 * An identity runtime with in-memory stores and a throwaway master key: what `buildServer` uses when
 * no runtime is given (nobody exists, so every protected route refuses) and what tests start from.
 */
export function memoryIdentityRuntime(
  options: {
    clock?: Clock;
    ids?: IdGenerator;
    stores?: IdentityStores;
    tls?: boolean;
    passwordParams?: Argon2Params;
    oidc?: OidcSettings;
  } = {},
): Promise<IdentityRuntime> {
  return createIdentityRuntime({
    stores: options.stores ?? memoryIdentityStores(),
    metadata: new MemoryMetadataStore(),
    masterKey: generateMasterKey('mem'),
    clock: options.clock ?? systemClock,
    ...(options.ids ? { ids: options.ids } : {}),
    ...(options.tls === undefined ? {} : { tls: options.tls }),
    ...(options.passwordParams ? { passwordParams: options.passwordParams } : {}),
    ...(options.oidc ? { oidc: options.oidc } : {}),
  });
}
