import { loginFailed, verifyPassword, verifyPasswordOfUnknownAccount, type Principal } from '@vigil/identity';
import type { IdentityRuntime } from './identity-runtime.ts';
import { userPrincipal } from './user-principal.ts';

/**
 * Who runs a management command from a shell (`vigil roles …`): the account named by `--as`, proven by
 * its password (and TOTP code when enrolled), throttled and audited like a sign-in. Local file access
 * alone does not make someone a platform administrator.
 */
export async function authenticateCliActor(
  rt: IdentityRuntime,
  input: { username: string; password: string; totp?: string; clientId: string },
): Promise<Principal> {
  const address = 'cli';
  await rt.throttle.check(input.username, address);
  const user = await rt.stores.users.getByUsername(input.username);
  const passwordOk =
    user?.passwordHash !== undefined
      ? await verifyPassword(input.password, user.passwordHash)
      : await verifyPasswordOfUnknownAccount(input.password);
  const fail = async (reason: string) => {
    await rt.throttle.failure(input.username, address);
    await rt.audit.record({
      event_type: 'auth.login_failed',
      user_id: user?.id ?? null,
      resource: user ? `user:${user.id}` : null,
      workspace: null,
      client_ip: null,
      client_id: input.clientId,
      result: 'failure',
      request_id: null,
      details: { reason, method: 'cli' },
    });
    return loginFailed();
  };
  if (!user || !passwordOk) throw await fail(user ? 'bad_password' : 'unknown_account');
  if (user.disabled) throw await fail('disabled');
  if (await rt.mfa.isEnrolled(user.id)) {
    const check = input.totp === undefined ? undefined : await rt.mfa.verify(user.id, input.totp);
    if (!check?.ok) throw await fail('mfa');
  }
  await rt.throttle.success(input.username);
  return userPrincipal(rt.stores, user);
}
