import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { userError } from '@vigil/core';
import { loginFailed, verifyPassword } from '@vigil/identity';
import { AUTHENTICATED } from '../http/route-config.ts';
import { auditRequest } from '../audit/request-audit.ts';
import type { IdentityRuntime } from '../auth/identity-runtime.ts';
import { requireAuth } from '../auth/request-auth.ts';
import { sessionUser } from '../auth/me.routes.ts';
import { clearSessionCookie } from '../auth/session-cookie.ts';
import { collectPersonalData } from './collect-personal-data.ts';
import { deleteOwnAccount } from './delete-own-account.ts';
import type { CasesPrivacy } from './cases-privacy.ts';

const PatchBody = Type.Object(
  {
    displayName: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
    email: Type.Optional(
      Type.Union([
        Type.String({ minLength: 3, maxLength: 320, pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' }),
        Type.Null(),
      ]),
    ),
  },
  { additionalProperties: false },
);
const DeleteBody = Type.Object(
  {
    /** Re-check of the password; SSO-only accounts send an empty string and need a sign-in of the last 10 minutes. */
    password: Type.String({ maxLength: 1024 }),
    confirm: Type.Literal('DELETE'),
  },
  { additionalProperties: false },
);
const RECENT_SIGN_IN_MS = 10 * 60_000;

/** Data-subject rights of the signed-in account: view, export (JSON), correct, delete (DESIGN §7). */
export function registerPersonalDataRoutes(
  app: FastifyInstance,
  rt: IdentityRuntime,
  casesPrivacy?: CasesPrivacy,
): void {
  app.get(
    '/api/v1/me/personal-data',
    { config: { permission: AUTHENTICATED, summary: 'View your personal data (no secrets)' } },
    async (request) => {
      const auth = requireAuth(request);
      const { user } = sessionUser(auth);
      return collectPersonalData(rt, user, {
        currentSessionKey: auth.session?.key,
        auditLimit: 20,
        cases: casesPrivacy,
      });
    },
  );

  app.get(
    '/api/v1/me/personal-data/export',
    {
      config: {
        permission: AUTHENTICATED,
        summary: 'Export your personal data as a JSON file (no secrets)',
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const { user } = sessionUser(auth);
      const data = await collectPersonalData(rt, user, {
        currentSessionKey: auth.session?.key,
        auditLimit: 10_000,
        cases: casesPrivacy,
      });
      await auditRequest(rt.audit, request, {
        event_type: 'privacy.data_exported',
        result: 'success',
        resource: `user:${user.id}`,
        details: { auditRecords: data.audit.records.length },
      });
      const day = data.generatedAt.slice(0, 10);
      return reply
        .header('content-disposition', `attachment; filename="vigil-personal-data-${day}.json"`)
        .header('cache-control', 'no-store')
        .send({ format: 'vigil-personal-data/1', ...data });
    },
  );

  app.patch<{ Body: Static<typeof PatchBody> }>(
    '/api/v1/me',
    {
      config: { permission: AUTHENTICATED, summary: 'Correct your display name or email (null removes it)' },
      schema: { body: PatchBody },
    },
    async (request) => {
      const auth = requireAuth(request);
      const { user } = sessionUser(auth);
      const next = { ...user };
      const changed: string[] = [];
      for (const field of ['displayName', 'email'] as const) {
        const value = request.body[field];
        if (value === undefined) continue;
        if (value === null) delete next[field];
        else next[field] = value.trim();
        if (next[field] === '')
          throw userError('FIELD_EMPTY', `${field} cannot be blank`, { status: 400, details: { field } });
        if (next[field] !== user[field]) changed.push(field);
      }
      if (changed.length > 0) {
        next.updatedAt = rt.clock.now();
        await rt.stores.users.update(next);
        await auditRequest(rt.audit, request, {
          event_type: 'user.updated',
          result: 'success',
          resource: `user:${user.id}`,
          details: { fields: changed, by: 'self' },
        });
      }
      return collectPersonalData(rt, next, { currentSessionKey: auth.session?.key, auditLimit: 0 }).then(
        (d) => d.account,
      );
    },
  );

  app.post<{ Body: Static<typeof DeleteBody> }>(
    '/api/v1/me/delete',
    {
      config: {
        permission: AUTHENTICATED,
        summary: 'Delete your account: credentials, sessions and grants removed, account anonymised',
      },
      schema: { body: DeleteBody },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const { user } = sessionUser(auth);
      await rt.throttle.check(user.username, request.ip);
      const recent =
        auth.session !== undefined && rt.clock.now() - auth.session.authenticatedAt < RECENT_SIGN_IN_MS;
      const ok =
        user.passwordHash === undefined
          ? recent
          : await verifyPassword(request.body.password, user.passwordHash);
      if (!ok) {
        await rt.throttle.failure(user.username, request.ip);
        await auditRequest(rt.audit, request, {
          event_type: 'user.deleted',
          result: 'failure',
          resource: `user:${user.id}`,
          details: {
            reason: user.passwordHash === undefined ? 'sign_in_not_recent' : 'bad_password',
            by: 'self',
          },
        });
        throw loginFailed();
      }
      const erased = await deleteOwnAccount(rt, user, casesPrivacy);
      // The audit record keeps the user id: the account it names is now pseudonymous.
      await auditRequest(rt.audit, request, {
        event_type: 'user.deleted',
        result: 'success',
        resource: `user:${user.id}`,
        details: { by: 'self', ...erased },
      });
      clearSessionCookie(reply, rt);
      return { deleted: true, ...erased };
    },
  );
}
