import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { userError } from '@vigil/core';
import { csrfTokenFor, hashPassword, loginFailed, verifyPassword, type User } from '@vigil/identity';
import { AUTHENTICATED } from '../http/route-config.ts';
import { auditRequest } from '../audit/request-audit.ts';
import type { IdentityRuntime } from './identity-runtime.ts';
import { setSessionCookie } from './session-cookie.ts';
import { publicUser } from './public-user.ts';
import { requireAuth, type RequestAuth } from './request-auth.ts';
import { assertPasswordPolicy } from './password-rules.ts';

const PasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
    newPassword: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

/** Self-service routes need an account session, not an API key. */
export function sessionUser(auth: RequestAuth): { user: User; sessionId: string } {
  if (!auth.user || auth.sessionId === undefined) {
    throw userError('SESSION_REQUIRED', 'Only a signed-in account can do this', { status: 403 });
  }
  return { user: auth.user, sessionId: auth.sessionId };
}

/** The caller's own account: profile, grants, CSRF token, password change. */
export function registerMeRoutes(app: FastifyInstance, rt: IdentityRuntime): void {
  app.get(
    '/api/v1/me',
    {
      config: {
        permission: AUTHENTICATED,
        summary: 'The signed-in account or API key, its grants and CSRF token',
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const grants = auth.principal.grants.map((g) => ({
        workspaceId: g.workspaceId,
        roleId: g.roleId,
        permissions: g.permissions,
      }));
      const platformGrants = (auth.principal.platformGrants ?? []).map((g) => ({
        roleId: g.roleId,
        permissions: g.permissions,
      }));
      if (auth.user && auth.sessionId !== undefined) {
        return {
          kind: 'user',
          user: publicUser(auth.user),
          grants,
          platformGrants,
          csrfToken: csrfTokenFor(auth.sessionId, rt.csrfSecret),
          mfa: { enrolled: await rt.mfa.isEnrolled(auth.user.id), session: auth.session?.mfa === true },
        };
      }
      return {
        kind: 'api_key',
        apiKey: { id: auth.token?.id, name: auth.token?.name },
        grants,
        platformGrants,
      };
    },
  );

  app.post<{ Body: Static<typeof PasswordBody> }>(
    '/api/v1/me/password',
    {
      config: { permission: AUTHENTICATED, summary: 'Change your own password (signs out other sessions)' },
      schema: { body: PasswordBody },
    },
    async (request, reply) => {
      const { user } = sessionUser(requireAuth(request));
      const { currentPassword, newPassword } = request.body;
      await rt.throttle.check(user.username, request.ip);
      if (user.passwordHash === undefined || !(await verifyPassword(currentPassword, user.passwordHash))) {
        await rt.throttle.failure(user.username, request.ip);
        await auditRequest(rt.audit, request, {
          event_type: 'auth.password_changed',
          result: 'failure',
          resource: `user:${user.id}`,
          details: { reason: 'bad_current_password' },
        });
        throw loginFailed();
      }
      assertPasswordPolicy(newPassword, user.username);
      const now = rt.clock.now();
      await rt.stores.users.update({
        ...user,
        passwordHash: await hashPassword(newPassword, rt.passwordParams),
        mustChangePassword: false,
        updatedAt: now,
      });
      // Privilege change: every session of the account ends, this one continues under a new id.
      const mfa = requireAuth(request).session?.mfa ?? false;
      await rt.sessions.endAll(user.id);
      const issued = await rt.sessions.start(user.id, { mfa, clientIp: request.ip });
      const csrfToken = setSessionCookie(reply, rt, issued.sessionId);
      await auditRequest(rt.audit, request, {
        event_type: 'auth.password_changed',
        result: 'success',
        resource: `user:${user.id}`,
      });
      return { csrfToken };
    },
  );
}
