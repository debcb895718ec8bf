import type { MachineToken, Principal, Session, User } from '@vigil/identity';

/** Who made the request, as resolved by the authentication hook. */
export interface RequestAuth {
  principal: Principal;
  via: 'session' | 'api_key';
  /** Sessions: the account, the session and the raw cookie value (needed to rotate or end it). */
  user?: User;
  session?: Session;
  sessionId?: string;
  /** API keys: the stored token. */
  token?: MachineToken;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook on every non-public route; undefined on public ones. */
    auth?: RequestAuth;
  }
}

/** The auth context of a route the hook protected (throws if a route forgot its permission). */
export function requireAuth(request: { auth?: RequestAuth }): RequestAuth {
  if (!request.auth) throw new Error('route is not behind the authentication hook');
  return request.auth;
}
