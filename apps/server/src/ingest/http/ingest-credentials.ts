import type { FastifyRequest } from 'fastify';
import type { IngestBinding, IngestTokenVerifier } from '@vigil/ingest';

/** Authorization schemes an ingest protocol accepts. */
export type IngestScheme = 'bearer' | 'splunk' | 'apikey' | 'basic';

export type IngestAuth =
  { ok: true; binding: IngestBinding } | { ok: false; problem: 'missing' | 'malformed' | 'invalid' };

const TOKEN_IN_TEXT = /vigil_it_[0-9a-f]{16}_[A-Za-z0-9_-]{43}/;

/**
 * The ingest token of a request. Shippers put it where their protocol puts credentials:
 * `Bearer T` (native, OTLP), `Splunk T` (HEC), `ApiKey base64(id:T)` or `ApiKey T` and
 * `Basic base64(user:T)` (Elasticsearch outputs; the user name is ignored).
 */
export function presentedToken(
  request: FastifyRequest,
  schemes: readonly IngestScheme[],
): { token: string } | { problem: 'missing' | 'malformed' } {
  const header = request.headers.authorization;
  if (header === undefined || header.trim() === '') return { problem: 'missing' };
  const space = header.indexOf(' ');
  const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase() as IngestScheme;
  const value = space < 0 ? '' : header.slice(space + 1).trim();
  if (!schemes.includes(scheme) || value === '') return { problem: 'malformed' };
  if (scheme === 'bearer' || scheme === 'splunk' || TOKEN_IN_TEXT.test(value)) return { token: value };
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const found = TOKEN_IN_TEXT.exec(decoded)?.[0];
  if (found !== undefined) return { token: found };
  // Not one of ours: let the verifier refuse it (constant outcome, no hint about the format).
  const colon = decoded.indexOf(':');
  return { token: colon < 0 ? decoded : decoded.slice(colon + 1) };
}

/** Finds and verifies the ingest token of a request. The token itself is never logged. */
export async function authenticateIngest(
  request: FastifyRequest,
  verifier: IngestTokenVerifier,
  schemes: readonly IngestScheme[],
): Promise<IngestAuth> {
  const presented = presentedToken(request, schemes);
  if ('problem' in presented) return { ok: false, problem: presented.problem };
  const binding = await verifier.verify(presented.token);
  return binding ? { ok: true, binding } : { ok: false, problem: 'invalid' };
}
