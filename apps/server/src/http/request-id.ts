import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Client-supplied ids are echoed only when short and plain, so they cannot inject into logs. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify `genReqId`: reuse a well-formed `x-request-id` from the caller, else generate one. */
export function requestIdFor(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}
