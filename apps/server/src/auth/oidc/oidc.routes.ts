import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { userError } from '@vigil/core';
import { PUBLIC } from '../../http/route-config.ts';
import { auditRequest } from '../../audit/request-audit.ts';
import type { IdentityRuntime } from '../identity-runtime.ts';
import { setSessionCookie } from '../session-cookie.ts';
import type { OidcClient } from './oidc-client.ts';
import { groupsOf, oidcAccount, syncOidcGrants, syncOidcGroupMemberships } from './oidc-account.ts';

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
  // Pending sign-ins live in the identity store, not in this process: in distributed mode the
  // provider may send the browser back to another API node than the one that started the sign-in.
  const pending = rt.stores.ssoLoginStates;

  app.get(
    '/api/v1/auth/oidc/login',
    { config: { permission: PUBLIC, summary: 'Start single sign-on (redirects to the identity provider)' } },
    async (_request, reply) => {
      const now = rt.clock.now();
      if ((await pending.countActive(now)) >= MAX_PENDING) {
        await pending.purgeExpired(now);
        throw userError('SSO_BUSY', 'Too many sign-ins in progress', { status: 429 });
      }
      const { pending: p, url } = await oidc.begin();
      await pending.put(p, p.createdAt + PENDING_TTL_MS);
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
      const p = state === undefined ? undefined : await pending.take(state, rt.clock.now());
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
      const claimGroups = groupsOf(claims, oidc.settings.groupsClaim);
      const sync = await syncOidcGrants(rt, user.id, claimGroups, oidc.settings.roleMap);
      const memberships = await syncOidcGroupMemberships(rt, user.id, claimGroups);
      for (const [list, type] of [
        [memberships.added, 'group.member_added'],
        [memberships.removed, 'group.member_removed'],
      ] as const) {
        for (const m of list) {
          const [workspace = null, groupId = ''] = m.split(':');
          await auditRequest(rt.audit, request, {
            event_type: type,
            result: 'success',
            user_id: user.id,
            resource: `group:${groupId}:${user.id}`,
            workspace,
            details: { by: 'oidc' },
          });
        }
      }
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
