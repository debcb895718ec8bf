import type { Storage } from '@vigil/core';

/**
 * FIRST-RUN SET-UP HOOK. Vigil has no default account or password (DESIGN §7): on first run the
 * server will mint a one-time set-up link that lets the owner create the first account, and
 * `vigil serve` prints it under the "Vigil is running at …" line. Identity is not built yet, so
 * this returns undefined and nothing is created; the identity work replaces this body.
 */
export function firstRunSetupLink(_context: {
  storage: Storage;
  baseUrl: string;
}): Promise<string | undefined> {
  return Promise.resolve(undefined);
}
