/**
 * Per-route declarations every route must make (`config: { permission: … }`). Deny by default: a
 * route without a permission fails server start (see route-catalog.ts), and the OpenAPI document
 * publishes the permission as `x-vigil-permission`.
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** `public` for the few unauthenticated routes, else the permission checked (e.g. `system.metrics`). */
    permission?: string;
    /** Security schemes accepted (OpenAPI `security`); default session cookie or bearer token. */
    auth?: readonly ('session' | 'bearer')[];
    /** One line for the OpenAPI operation. */
    summary?: string;
    /** Media type of a non-JSON success answer (e.g. Prometheus text). */
    produces?: string;
  }
}

export const PUBLIC = 'public';
