import { setupLink } from '@vigil/identity';
import type { IdentityRuntime } from '../auth/identity-runtime.ts';

/**
 * FIRST-RUN SET-UP HOOK. Vigil has no default account or password (DESIGN §7): while no account
 * exists, every start mints a fresh one-time setup token (replacing the previous one) and returns the
 * link `vigil serve` prints; the token travels in the URL fragment so it never reaches access logs.
 * Once an account exists this returns undefined.
 */
export async function firstRunSetupLink(context: {
  identity: IdentityRuntime;
  baseUrl: string;
}): Promise<string | undefined> {
  if ((await context.identity.stores.users.count()) > 0) return undefined;
  const { token } = await context.identity.firstRun.issue();
  return setupLink(context.baseUrl, token);
}
