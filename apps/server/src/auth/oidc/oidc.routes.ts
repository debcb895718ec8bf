import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { userError } from '@vigil/core';
import { PUBLIC } from '../../http/route-config.ts';
import { auditRequest } from '../../audit/request-audit.ts';
import type { IdentityRuntime } from '../identity-runtime.ts';
import { setSessionCookie } from '../session-cookie.ts';
import type { OidcClient, OidcPending } from './oidc-client.ts';
import { groupsOf, oidcAccount, syncOidcGrants } from './oidc-account.ts';

const STATE_COOKIE = 'vigil_oidc_state';
const PENDING_TTL_MS = 10 * 60_000;
const MAX_PENDING = 10_000;
const CallbackQuery = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 2048 })),
  state: Type.Optional(Type.String({ maxLength: 256 })),
  error: Type.Optional(Type.String({ maxLength: 256 })),
  iss: Type.Optional(Type.String({ maxLength: 2048 })),
  session_state: Type.Optional(Type.String({ maxLength: 2048 })),
});

function ssoFailed(reason: string) {
  return userError('SSO_FAILED', 'Single sign-on did not complete; try again', {
    status: 401,
    details: { reason },
  });
}

/**
 * SSO: `/login` redirects to the provider (state, nonce and PKCE kept server-side, the state also in
 * a browser-bound cookie); `/callback` checks them, exchanges the code, maps groups to roles, starts a session.
 */
export function registerOidcRoutes(app: FastifyInstance, rt: IdentityRuntime, oidc: OidcClient): void {
  const pending = new Map<string, OidcPending>();
  const sweep = (now: number) => {
    for (const [state, p] of pending) if (now - p.createdAt > PENDING_TTL_MS) pending.delete(state);
  };

  app.get(
    '/api/v1/auth/oidc/login',
    { config: { permission: PUBLIC, summary: 'Start single sign-on (redirects to the identity provider)' } },
    async (_request, reply) => {
      const now = rt.clock.now();
      sweep(now);
      if (pending.size >= MAX_PENDING)
        throw userError('SSO_BUSY', 'Too many sign-ins in progress', { status: 429 });
      const { pending: p, url } = await oidc.begin();
      pending.set(p.state, p);
      // Lax, not Strict: the provider's redirect back is a cross-site navigation that must carry it.
      reply.setCookie(STATE_COOKIE, p.state, {
        httpOnly: true,
        secure: rt.tls,
        sameSite: 'lax',
        path: '/api/v1/auth/oidc',
      });
      return reply.redirect(url, 302);
    },
  );

  app.get<{ Querystring: Static<typeof CallbackQuery> }>(
    '/api/v1/auth/oidc/callback',
    {
      config: { permission: PUBLIC, summary: 'Single sign-on callback (authorization code)' },
      schema: { querystring: CallbackQuery },
    },
    async (request, reply) => {
      const { code, state, error } = request.query;
      const cookieState = request.cookies[STATE_COOKIE];
      reply.clearCookie(STATE_COOKIE, { path: '/api/v1/auth/oidc' });
      const p = state === undefined ? undefined : pending.get(state);
      if (state !== undefined) pending.delete(state);
      const fail = async (reason: string) => {
        await auditRequest(rt.audit, request, {
          event_type: 'auth.login_failed',
          result: 'failure',
          user_id: null,
          details: { method: 'oidc', reason },
        });
        return ssoFailed(reason);
      };
      if (error !== undefined) throw await fail('provider_error');
      if (!p || code === undefined || cookieState !== state) throw await fail('state');
      if (rt.clock.now() - p.createdAt > PENDING_TTL_MS) throw await fail('expired');
      let claims;
      try {
        claims = await oidc.complete(code, p);
      } catch {
        throw await fail('exchange');
      }
      const { user, created } = await oidcAccount(rt, claims);
      if (user.disabled) throw await fail('disabled');
      if (created) {
        await auditRequest(rt.audit, request, {
          event_type: 'user.created',
          result: 'success',
          user_id: user.id,
          resource: `user:${user.id}`,
          details: { method: 'oidc' },
        });
      }
      const sync = await syncOidcGrants(
        rt,
        user.id,
        groupsOf(claims, oidc.settings.groupsClaim),
        oidc.settings.roleMap,
      );
      for (const g of sync.granted) {
        await auditRequest(rt.audit, request, {
          event_type: 'role.granted',
          result: 'success',
          user_id: user.id,
          resource: `user:${user.id}:${g}`,
          workspace: g.split(':')[0] ?? null,
          details: { by: 'oidc' },
        });
      }
      for (const g of sync.revoked) {
        await auditRequest(rt.audit, request, {
          event_type: 'role.revoked',
          result: 'success',
          user_id: user.id,
          resource: `user:${user.id}:${g}`,
          workspace: g.split(':')[0] ?? null,
          details: { by: 'oidc' },
        });
      }
      const agent = request.headers['user-agent'];
      const issued = await rt.sessions.start(user.id, {
        clientIp: request.ip,
        ...(typeof agent === 'string' ? { userAgent: agent.slice(0, 256) } : {}),
      });
      setSessionCookie(reply, rt, issued.sessionId);
      await auditRequest(rt.audit, request, {
        event_type: 'auth.login',
        result: 'success',
        user_id: user.id,
        resource: `user:${user.id}`,
        details: { method: 'oidc' },
      });
      return reply.redirect('/', 302);
    },
  );
}
