import type { FastifyReply, FastifyRequest } from 'fastify';
import { isVigilError } from '@vigil/core';
import {
  checkMachineToken,
  machineTokenPrincipal,
  parseMachineToken,
  sessionCookieAttributes,
} from '@vigil/identity';
import type { IdentityRuntime } from './identity-runtime.ts';
import type { RequestAuth } from './request-auth.ts';
import { roleLookup, userPrincipal } from './user-principal.ts';
import { unauthenticated } from './auth.error.ts';

/** API keys record use at most once a minute (the store write is not free). */
const TOUCH_INTERVAL_MS = 60_000;

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return m?.[1];
}

export function sessionCookieName(rt: IdentityRuntime): string {
  return sessionCookieAttributes(rt.tls).name;
}

/** Resolves the caller from `Authorization: Bearer vigil_ak_…` or the session cookie; throws UNAUTHENTICATED. */
export async function authenticateRequest(
  rt: IdentityRuntime,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<RequestAuth> {
  const bearer = bearerToken(request);
  if (bearer !== undefined) return authenticateApiKey(rt, bearer);
  const name = sessionCookieName(rt);
  const sessionId = request.cookies[name];
  if (sessionId === undefined || sessionId === '') throw unauthenticated();
  let session;
  try {
    session = await rt.sessions.validate(sessionId);
  } catch (err) {
    if (isVigilError(err) && err.code === 'SESSION_INVALID') {
      reply.clearCookie(name, { path: '/' });
      throw unauthenticated();
    }
    throw err;
  }
  const user = await rt.stores.users.get(session.userId);
  if (!user || user.disabled) {
    await rt.sessions.end(sessionId);
    reply.clearCookie(name, { path: '/' });
    throw unauthenticated();
  }
  return { principal: await userPrincipal(rt.stores, user), via: 'session', user, session, sessionId };
}

async function authenticateApiKey(rt: IdentityRuntime, presented: string): Promise<RequestAuth> {
  const parsed = parseMachineToken(presented);
  // Ingest tokens only work on ingest routes, which check them themselves.
  if (!parsed || parsed.kind !== 'api_key') throw unauthenticated();
  const token = await rt.stores.machineTokens.get(parsed.id);
  const now = rt.clock.now();
  if (!token || !checkMachineToken(token, presented, now).ok) throw unauthenticated();
  const creator = await rt.stores.users.get(token.createdBy);
  if (creator?.disabled === true) throw unauthenticated();
  if (token.lastUsedAt === undefined || now - token.lastUsedAt >= TOUCH_INTERVAL_MS) {
    await rt.stores.machineTokens.touch(token.id, now);
  }
  const lookup = await roleLookup(
    rt.stores,
    token.roleId === undefined ? [] : [{ roleId: token.roleId, workspaceId: token.workspaceId }],
  );
  return {
    principal: machineTokenPrincipal(token, (roleId) => lookup(roleId, token.workspaceId)),
    via: 'api_key',
    token,
  };
}
