import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ManualClock } from '@vigil/core';
import { hashPassword, memoryIdentityStores, type User } from '@vigil/identity';
import { registerTestSecret } from '@vigil/testkit';
import { testServer } from '../../testing/fake-runtime.ts';
import type { IdentityRuntime } from '../identity-runtime.ts';
import { memoryIdentityRuntime, TEST_PASSWORD_PARAMS } from '../memory-identity-runtime.ts';
import { ensureDataSpace } from '../../workspaces/data-spaces.ts';
import type { BuildServerOptions } from '../../build-server.ts';
import type { OidcSettings } from '../oidc/oidc-client.ts';

export const COOKIE = 'vigil_session';

export interface AuthFixture {
  app: FastifyInstance;
  rt: IdentityRuntime;
  clock: ManualClock;
  logs: string[];
}

/** A test server over in-memory identity stores, a manual clock and cheap password hashing. */
export async function authFixture(
  overrides: Partial<BuildServerOptions> & {
    env?: Record<string, string>;
    oidc?: OidcSettings;
    tls?: boolean;
  } = {},
): Promise<AuthFixture> {
  const clock = new ManualClock(Date.UTC(2026, 5, 1));
  const rt = await memoryIdentityRuntime({
    clock,
    stores: memoryIdentityStores(),
    passwordParams: TEST_PASSWORD_PARAMS,
    ...(overrides.oidc ? { oidc: overrides.oidc } : {}),
    ...(overrides.tls === undefined ? {} : { tls: overrides.tls }),
  });
  const { oidc: _oidc, tls: _tls, ...rest } = overrides;
  const { app, logs } = await testServer({ ...rest, identity: rt });
  return { app, rt, clock, logs };
}

/** Creates an account with the given workspace roles (`[['owner','ws-a']]`) and platform roles (`[['platform-admin']]`). */
export async function addUser(
  rt: IdentityRuntime,
  username: string,
  password: string,
  roles: readonly (readonly [string, string?])[] = [],
): Promise<User> {
  registerTestSecret('password', password);
  const now = rt.clock.now();
  const user: User = {
    id: `u-${username}`,
    username,
    passwordHash: await hashPassword(password, TEST_PASSWORD_PARAMS),
    disabled: false,
    mustChangePassword: false,
    mfaEnabled: false,
    createdAt: now,
    updatedAt: now,
  };
  await rt.stores.users.create(user);
  for (const [roleId, workspaceId] of roles) {
    if (workspaceId !== undefined && !(await rt.stores.workspaces.get(workspaceId))) {
      await rt.stores.workspaces.create({
        id: workspaceId,
        name: workspaceId,
        status: 'active',
        mfaRequired: false,
        createdAt: now,
      });
      await ensureDataSpace(rt, workspaceId, 'default', 'Default');
    }
    await rt.stores.roleGrants.grant({
      principalId: user.id,
      roleId,
      ...(workspaceId === undefined ? {} : { workspaceId }),
      grantedBy: 'test',
      grantedAt: now,
    });
  }
  return user;
}

export interface Session {
  cookie: string;
  csrf: string;
  /** Headers for a cookie-authenticated request (with the CSRF token). */
  headers: Record<string, string>;
}

export function sessionCookie(res: LightMyRequestResponse): string | undefined {
  return res.cookies.find((c) => c.name === COOKIE && c.value !== '')?.value;
}

export async function login(
  app: FastifyInstance,
  username: string,
  password: string,
  totp?: string,
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password, ...(totp === undefined ? {} : { totp }) },
  });
  const cookie = sessionCookie(res);
  if (res.statusCode !== 200 || cookie === undefined)
    throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const csrf = res.json<{ csrfToken: string }>().csrfToken;
  registerTestSecret('session id', cookie);
  registerTestSecret('CSRF token', csrf);
  return { cookie, csrf, headers: { cookie: `${COOKIE}=${cookie}`, 'x-csrf-token': csrf } };
}
