import type { FastifyReply } from 'fastify';
import { csrfTokenFor, sessionCookieAttributes } from '@vigil/identity';
import type { IdentityRuntime } from './identity-runtime.ts';

/** Sets the session cookie (HttpOnly, SameSite=Strict, Secure + `__Host-` over TLS); returns its CSRF token. */
export function setSessionCookie(reply: FastifyReply, rt: IdentityRuntime, sessionId: string): string {
  const { name, ...attributes } = sessionCookieAttributes(rt.tls);
  reply.setCookie(name, sessionId, attributes);
  return csrfTokenFor(sessionId, rt.csrfSecret);
}

export function clearSessionCookie(reply: FastifyReply, rt: IdentityRuntime): void {
  const { name, ...attributes } = sessionCookieAttributes(rt.tls);
  reply.clearCookie(name, attributes);
}
