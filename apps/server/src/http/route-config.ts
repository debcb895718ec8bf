/**
 * Per-route declarations every route must make (`config: { permission: … }`). Deny by default: a
 * route without a permission fails server start (see route-catalog.ts), and the OpenAPI document
 * publishes the permission as `x-vigil-permission`.
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `public` for the few unauthenticated routes, `authenticated` for self-service routes any signed-in
     * principal may use (own profile, logout), else the permission checked (e.g. `system.metrics`).
     */
    permission?: string;
    /**
     * Security schemes accepted (OpenAPI `security`); default session cookie or bearer API key.
     * A string names a credential the route verifies itself (ingest tokens, the metrics token): the
     * authentication hook then leaves the route alone.
     */
    auth?: RouteAuth;
    /** One line for the OpenAPI operation. */
    summary?: string;
    /** Media type of a non-JSON success answer (e.g. Prometheus text). */
    produces?: string;
  }
}

export type RouteAuth = readonly ('session' | 'bearer')[] | SelfAuthentication;

/** Credentials a route checks itself instead of the session/API-key hook. */
export type SelfAuthentication = 'ingest-token' | 'metrics-token';

export const PUBLIC = 'public';
/** Any authenticated principal (session or API key); used only by self-service routes. */
export const AUTHENTICATED = 'authenticated';

export function isSelfAuthenticated(auth: RouteAuth | undefined): auth is SelfAuthentication {
  return typeof auth === 'string';
}
