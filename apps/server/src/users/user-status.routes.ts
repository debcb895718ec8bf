import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { userError } from '@vigil/core';
import { auditRequest } from '../audit/request-audit.ts';
import type { IdentityRuntime } from '../auth/identity-runtime.ts';
import { requireAuth } from '../auth/request-auth.ts';
import { notFound } from '../auth/auth.error.ts';
import { publicUser } from '../auth/public-user.ts';

const Params = Type.Object({
  workspaceId: Type.String({ minLength: 1, maxLength: 64 }),
  userId: Type.String({ minLength: 1, maxLength: 128 }),
});

/**
 * Disable / enable a member's account. A disabled account cannot sign in; its sessions end at once and
 * the API keys it created stop working.
 */
export function registerUserStatusRoutes(app: FastifyInstance, rt: IdentityRuntime): void {
  for (const disabled of [true, false]) {
    app.post<{ Params: Static<typeof Params> }>(
      `/api/v1/workspaces/:workspaceId/users/:userId/${disabled ? 'disable' : 'enable'}`,
      {
        config: {
          permission: 'users.manage',
          summary: disabled ? 'Disable a member account (ends its sessions)' : 'Re-enable a member account',
        },
        schema: { params: Params },
      },
      async (request) => {
        const { workspaceId, userId } = request.params;
        if (disabled && requireAuth(request).principal.id === userId) {
          throw userError('SELF_DISABLE', 'You cannot disable your own account', { status: 409 });
        }
        const user = await rt.stores.users.get(userId);
        const grants = user ? await rt.stores.roleGrants.listForPrincipal(user.id) : [];
        if (!user || !grants.some((g) => g.workspaceId === workspaceId)) throw notFound('user');
        const next = { ...user, disabled, updatedAt: rt.clock.now() };
        await rt.stores.users.update(next);
        const ended = disabled ? await rt.sessions.endAll(user.id) : 0;
        await auditRequest(rt.audit, request, {
          event_type: disabled ? 'user.disabled' : 'user.updated',
          result: 'success',
          resource: `user:${user.id}`,
          workspace: workspaceId,
          details: disabled ? { sessionsEnded: ended } : { enabled: true },
        });
        return publicUser(next);
      },
    );
  }
}
