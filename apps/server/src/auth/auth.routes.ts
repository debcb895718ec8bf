import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { userError } from '@vigil/core';
import {
  hashPassword,
  loginFailed,
  needsRehash,
  verifyPassword,
  verifyPasswordOfUnknownAccount,
  type User,
} from '@vigil/identity';
import { AUTHENTICATED, PUBLIC } from '../http/route-config.ts';
import { auditRequest } from '../audit/request-audit.ts';
import type { IdentityRuntime } from './identity-runtime.ts';
import { sessionCookieName } from './authenticate-request.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import { publicUser } from './public-user.ts';
import { requireAuth } from './request-auth.ts';
import { mfaEnrolmentMissing } from './mfa-requirement.ts';

const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 256 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    totp: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);

function mfaRequired() {
  return userError('MFA_REQUIRED', 'Enter the code from your authenticator app', { status: 401 });
}

/** Sign-in and sign-out. Every failure answers the same LOGIN_FAILED (no account enumeration). */
export function registerAuthRoutes(app: FastifyInstance, rt: IdentityRuntime): void {
  app.post<{ Body: Static<typeof LoginBody> }>(
    '/api/v1/auth/login',
    {
      config: {
        permission: PUBLIC,
        summary: 'Sign in with username, password and (if enrolled) a TOTP code',
      },
      schema: { body: LoginBody },
    },
    async (request, reply) => {
      const { username, password, totp } = request.body;
      const ip = request.ip;
      await rt.throttle.check(username, ip);
      const user = await rt.stores.users.getByUsername(username);
      const passwordOk =
        user?.passwordHash !== undefined
          ? await verifyPassword(password, user.passwordHash)
          : await verifyPasswordOfUnknownAccount(password);
      const fail = async (event: string, reason: string, who: User | undefined) => {
        const { locked } = await rt.throttle.failure(username, ip);
        await auditRequest(rt.audit, request, {
          event_type: event,
          result: 'failure',
          user_id: who?.id ?? null,
          resource: who ? `user:${who.id}` : null,
          details: { reason },
        });
        if (locked) {
          await auditRequest(rt.audit, request, {
            event_type: 'auth.lockout',
            result: 'failure',
            user_id: who?.id ?? null,
            resource: who ? `user:${who.id}` : null,
          });
        }
        return loginFailed();
      };
      if (!user || !passwordOk)
        throw await fail('auth.login_failed', user ? 'bad_password' : 'unknown_account', user);
      if (user.disabled) throw await fail('auth.login_failed', 'disabled', user);

      const enrolled = await rt.mfa.isEnrolled(user.id);
      if (enrolled) {
        if (totp === undefined) throw mfaRequired();
        const check = await rt.mfa.verify(user.id, totp);
        if (!check.ok) throw await fail('auth.mfa_failed', check.reason, user);
        if (check.method === 'recovery_code') {
          await auditRequest(rt.audit, request, {
            event_type: 'mfa.recovery_code_used',
            result: 'success',
            user_id: user.id,
            resource: `user:${user.id}`,
            details: { remaining: check.remaining },
          });
        }
      }
      await rt.throttle.success(username);
      if (user.passwordHash !== undefined && needsRehash(user.passwordHash, rt.passwordParams)) {
        const now = rt.clock.now();
        await rt.stores.users.update({
          ...user,
          passwordHash: await hashPassword(password, rt.passwordParams),
          updatedAt: now,
        });
      }
      const agent = request.headers['user-agent'];
      const previous = request.cookies[sessionCookieName(rt)];
      const issued = await rt.sessions.start(user.id, {
        mfa: enrolled,
        clientIp: ip,
        ...(typeof agent === 'string' ? { userAgent: agent.slice(0, 256) } : {}),
        ...(previous ? { previousSessionId: previous } : {}),
      });
      const csrfToken = setSessionCookie(reply, rt, issued.sessionId);
      await auditRequest(rt.audit, request, {
        event_type: 'auth.login',
        result: 'success',
        user_id: user.id,
        resource: `user:${user.id}`,
        details: { mfa: enrolled },
      });
      return {
        user: publicUser(user),
        csrfToken,
        mustChangePassword: user.mustChangePassword,
        mfaEnrolmentRequired: enrolled ? [] : await mfaEnrolmentMissing(rt, user.id),
      };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { permission: AUTHENTICATED, summary: 'Sign out (ends this session server-side)' } },
    async (request, reply) => {
      const auth = requireAuth(request);
      if (auth.sessionId !== undefined) await rt.sessions.end(auth.sessionId);
      clearSessionCookie(reply, rt);
      await auditRequest(rt.audit, request, {
        event_type: 'auth.logout',
        result: 'success',
        resource: `user:${auth.principal.id}`,
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/auth/logout-all',
    {
      config: {
        permission: AUTHENTICATED,
        summary: 'Sign out everywhere (ends every session of the account)',
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      if (!auth.user)
        throw userError('SESSION_REQUIRED', 'Only a signed-in account can do this', { status: 403 });
      const ended = await rt.sessions.endAll(auth.user.id);
      clearSessionCookie(reply, rt);
      await auditRequest(rt.audit, request, {
        event_type: 'auth.logout_all',
        result: 'success',
        resource: `user:${auth.user.id}`,
        details: { sessions: ended },
      });
      return { sessionsEnded: ended };
    },
  );
}
