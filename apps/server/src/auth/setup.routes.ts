import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { isVigilError } from '@vigil/core';
import { PUBLIC } from '../http/route-config.ts';
import { auditRequest } from '../audit/request-audit.ts';
import type { IdentityRuntime } from './identity-runtime.ts';
import { completeSetup, validateSetupInput } from './complete-setup.ts';
import { publicUser } from './public-user.ts';

const SetupBody = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 128 }),
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

/** First run: `GET /api/v1/setup` says whether set-up is pending; `POST` creates the owner with the one-time token. */
export function registerSetupRoutes(app: FastifyInstance, rt: IdentityRuntime): void {
  app.get(
    '/api/v1/setup',
    { config: { permission: PUBLIC, summary: 'Whether first-run set-up is still pending' } },
    async () => ({ required: (await rt.stores.users.count()) === 0 }),
  );

  app.post<{ Body: Static<typeof SetupBody> }>(
    '/api/v1/setup',
    {
      config: { permission: PUBLIC, summary: 'Complete first-run set-up with the one-time token' },
      schema: { body: SetupBody },
    },
    async (request, reply) => {
      const { token, username, password } = request.body;
      validateSetupInput({ username, password });
      try {
        await rt.firstRun.redeem(token);
      } catch (err) {
        if (isVigilError(err) && err.code === 'SETUP_TOKEN_INVALID') {
          await auditRequest(rt.audit, request, {
            event_type: 'setup.token_rejected',
            result: 'failure',
            user_id: null,
            details: { reason: err.details?.['reason'] ?? 'invalid' },
          });
        }
        throw err;
      }
      const { user, workspace } = await completeSetup(
        rt,
        { username, password },
        {
          audit: (facts) =>
            auditRequest(rt.audit, request, {
              ...facts,
              result: 'success',
              workspace: facts.workspace ?? null,
            }),
        },
      );
      return reply
        .status(201)
        .send({ user: publicUser(user), workspace: { id: workspace.id, name: workspace.name } });
    },
  );
}
