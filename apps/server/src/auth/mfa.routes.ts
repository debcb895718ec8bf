import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { loginFailed, verifyPassword } from '@vigil/identity';
import { AUTHENTICATED } from '../http/route-config.ts';
import { auditRequest } from '../audit/request-audit.ts';
import type { IdentityRuntime } from './identity-runtime.ts';
import { setSessionCookie } from './session-cookie.ts';
import { requireAuth } from './request-auth.ts';
import { sessionUser } from './me.routes.ts';
import { CSRF_TOKEN_HEADER } from './rotate-sessions-on-privilege-change.ts';

const CodeBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
const PasswordBody = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
);

/** TOTP enrolment of the caller's own account: begin → confirm with a first code (recovery codes once) → disable. */
export function registerMfaRoutes(app: FastifyInstance, rt: IdentityRuntime): void {
  app.post(
    '/api/v1/me/mfa/enrol',
    { config: { permission: AUTHENTICATED, summary: 'Start TOTP enrolment: secret and otpauth URI' } },
    async (request) => {
      const { user } = sessionUser(requireAuth(request));
      return rt.mfa.begin(user.id, user.username);
    },
  );

  app.post<{ Body: Static<typeof CodeBody> }>(
    '/api/v1/me/mfa/confirm',
    {
      config: {
        permission: AUTHENTICATED,
        summary: 'Confirm TOTP enrolment with a first code; returns recovery codes once',
      },
      schema: { body: CodeBody },
    },
    async (request, reply) => {
      const { user, sessionId } = sessionUser(requireAuth(request));
      const { recoveryCodes } = await rt.mfa.confirm(user.id, request.body.code);
      await rt.stores.users.update({ ...user, mfaEnabled: true, updatedAt: rt.clock.now() });
      // Privilege change: the session now counts as MFA-verified and gets a new id.
      const rotated = await rt.sessions.rotate(sessionId, { mfa: true });
      const csrfToken = setSessionCookie(reply, rt, rotated.sessionId);
      await auditRequest(rt.audit, request, {
        event_type: 'mfa.enrolled',
        result: 'success',
        resource: `user:${user.id}`,
      });
      return { recoveryCodes, csrfToken };
    },
  );

  app.post<{ Body: Static<typeof PasswordBody> }>(
    '/api/v1/me/mfa/recovery-codes',
    {
      config: {
        permission: AUTHENTICATED,
        summary: 'Replace the recovery codes (needs the password; shown once)',
      },
      schema: { body: PasswordBody },
    },
    async (request) => {
      const { user } = sessionUser(requireAuth(request));
      if (
        user.passwordHash === undefined ||
        !(await verifyPassword(request.body.password, user.passwordHash))
      ) {
        throw loginFailed();
      }
      const recoveryCodes = await rt.mfa.regenerateRecoveryCodes(user.id);
      await auditRequest(rt.audit, request, {
        event_type: 'mfa.recovery_codes_regenerated',
        result: 'success',
        resource: `user:${user.id}`,
      });
      return { recoveryCodes };
    },
  );

  app.post<{ Body: Static<typeof PasswordBody> }>(
    '/api/v1/me/mfa/disable',
    {
      config: { permission: AUTHENTICATED, summary: 'Remove the authenticator (needs the password)' },
      schema: { body: PasswordBody },
    },
    async (request, reply) => {
      const { user } = sessionUser(requireAuth(request));
      if (
        user.passwordHash === undefined ||
        !(await verifyPassword(request.body.password, user.passwordHash))
      ) {
        await auditRequest(rt.audit, request, {
          event_type: 'mfa.removed',
          result: 'failure',
          resource: `user:${user.id}`,
          details: { reason: 'bad_password' },
        });
        throw loginFailed();
      }
      await rt.mfa.remove(user.id);
      await rt.stores.users.update({ ...user, mfaEnabled: false, updatedAt: rt.clock.now() });
      // Privilege change the other way: the session no longer counts as MFA-verified, under a new id.
      const { sessionId } = sessionUser(requireAuth(request));
      const rotated = await rt.sessions.rotate(sessionId, { mfa: false });
      reply.header(CSRF_TOKEN_HEADER, setSessionCookie(reply, rt, rotated.sessionId));
      await auditRequest(rt.audit, request, {
        event_type: 'mfa.removed',
        result: 'success',
        resource: `user:${user.id}`,
      });
      return reply.status(204).send();
    },
  );
}
