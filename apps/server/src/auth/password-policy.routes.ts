import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { userError } from '@vigil/core';
import { checkPasswordPolicy, passwordPolicyDescription } from '@vigil/identity';
import { PUBLIC } from '../http/route-config.ts';
import type { IdentityRuntime } from './identity-runtime.ts';
import { FixedWindowLimiter } from './fixed-window-limiter.ts';

const CheckBody = Type.Object(
  {
    password: Type.String({ maxLength: 1024 }),
    username: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

/** Checks per client address and minute: enough for live feedback while typing (debounced). */
const CHECKS_PER_MINUTE = 60;

/**
 * The password policy as the one source of truth the console reads instead of keeping a copy (public:
 * the set-up page needs it before any account exists), and a server-side check of a candidate password
 * (rate-limited; never logged or audited, the password is not kept).
 */
export function registerPasswordPolicyRoutes(app: FastifyInstance, rt: IdentityRuntime): void {
  const limiter = new FixedWindowLimiter(rt.clock, CHECKS_PER_MINUTE, 60_000);

  app.get(
    '/api/v1/password-policy',
    {
      config: { permission: PUBLIC, summary: 'The password policy: limits and the rules the console lists' },
    },
    () => passwordPolicyDescription(),
  );

  app.post<{ Body: Static<typeof CheckBody> }>(
    '/api/v1/password-policy/check',
    {
      config: {
        permission: PUBLIC,
        summary:
          'Check a candidate password against the policy, common-password list included (rate-limited)',
      },
      schema: { body: CheckBody },
    },
    (request) => {
      const wait = limiter.take(request.ip);
      if (wait > 0) {
        throw userError('RATE_LIMITED', 'Too many password checks; wait a moment', {
          status: 429,
          retryAfterSeconds: Math.ceil(wait / 1000),
        });
      }
      return checkPasswordPolicy(request.body.password, request.body.username ?? '');
    },
  );
}
