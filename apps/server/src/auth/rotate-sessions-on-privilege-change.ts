import type { FastifyReply } from 'fastify';
import type { IdentityRuntime } from './identity-runtime.ts';
import type { RequestAuth } from './request-auth.ts';
import { setSessionCookie } from './session-cookie.ts';

/** The request that changed the privileges, when there is one (the CLI has none). */
export interface PrivilegeChangeCaller {
  auth?: RequestAuth;
  reply?: FastifyReply;
}

export interface PrivilegeChangeOutcome {
  /** Sessions ended, over all affected accounts (the caller's rotated session not counted). */
  sessionsEnded: number;
  /** True when the caller's own session continued under a new id. */
  rotated: boolean;
}

/** Response header carrying the CSRF token of a session rotated by the request (the cookie is HttpOnly). */
export const CSRF_TOKEN_HEADER = 'x-csrf-token';

/**
 * DESIGN §7 "new id at privilege change" for role grants and revocations (direct, group, platform):
 * every session of an affected account ends, so its next request needs a sign-in, which issues a new id.
 * Ending rather than re-keying another user's session in place is deliberate: the new id could only
 * reach them on their next request, which races with the console's parallel requests still carrying
 * the old one. The caller's own session is the exception (an admin changing their own roles): it
 * continues under a new id, set in the cookie, with its CSRF token in `x-csrf-token`; their other
 * sessions end. API keys are untouched: their role is fixed when they are created.
 */
export async function rotateSessionsOnPrivilegeChange(
  rt: IdentityRuntime,
  userIds: Iterable<string>,
  caller: PrivilegeChangeCaller = {},
): Promise<PrivilegeChangeOutcome> {
  let sessionsEnded = 0;
  let rotated = false;
  const { auth, reply } = caller;
  for (const userId of new Set(userIds)) {
    const own =
      auth?.via === 'session' && auth.user?.id === userId && auth.sessionId !== undefined ? auth : undefined;
    if (own?.sessionId === undefined || reply === undefined) {
      sessionsEnded += await rt.sessions.endAll(userId);
      continue;
    }
    const issued = await rt.sessions.rotate(own.sessionId);
    for (const other of await rt.stores.sessions.listByUser(userId)) {
      if (other.key !== issued.session.key && (await rt.stores.sessions.delete(other.key)))
        sessionsEnded += 1;
    }
    reply.header(CSRF_TOKEN_HEADER, setSessionCookie(reply, rt, issued.sessionId));
    // Later code in this request (audit, handlers) sees the session it now runs under.
    own.sessionId = issued.sessionId;
    own.session = issued.session;
    rotated = true;
  }
  return { sessionsEnded, rotated };
}
