import type { FastifyInstance } from 'fastify';
import { PUBLIC } from '../http/route-config.ts';
import type { IdentityRuntime } from './identity-runtime.ts';

/** `GET /api/v1/auth/methods`: how the sign-in page may offer sign-in (password, SSO); reveals no account. */
export function registerAuthMethodRoutes(app: FastifyInstance, rt: IdentityRuntime): void {
  app.get(
    '/api/v1/auth/methods',
    { config: { permission: PUBLIC, summary: 'Sign-in methods offered (password, single sign-on)' } },
    () => ({ password: true, oidc: rt.oidc ? { loginUrl: '/api/v1/auth/oidc/login' } : null }),
  );
}
