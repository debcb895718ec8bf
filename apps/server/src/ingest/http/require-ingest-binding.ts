import type { FastifyRequest } from 'fastify';
import { userError } from '@vigil/core';
import type { IngestBinding, IngestTokenVerifier } from '@vigil/ingest';
import { authenticateIngest, type IngestScheme } from './ingest-credentials.ts';

/**
 * The binding of the request's ingest token, or a thrown error in the Vigil error model:
 * 401 without a valid token, 403 when the token belongs to another workspace than `workspace`.
 */
export async function requireIngestBinding(
  request: FastifyRequest,
  verifier: IngestTokenVerifier,
  schemes: readonly IngestScheme[],
  workspace?: string,
): Promise<IngestBinding> {
  const auth = await authenticateIngest(request, verifier, schemes);
  if (!auth.ok) {
    const why =
      auth.problem === 'missing'
        ? 'an ingest token is required (Authorization: Bearer vigil_it_…)'
        : auth.problem === 'malformed'
          ? `unsupported Authorization scheme (use ${schemes.map((s) => s[0]?.toUpperCase() + s.slice(1)).join(', ')})`
          : 'the ingest token is unknown, revoked or expired';
    throw userError('INGEST_TOKEN_INVALID', why, {
      status: 401,
      details: { field: 'headers.authorization', problem: auth.problem },
    });
  }
  if (workspace !== undefined && auth.binding.workspace !== workspace) {
    throw userError('FORBIDDEN', 'this ingest token belongs to another workspace', {
      status: 403,
      details: { field: 'params.workspaceId' },
    });
  }
  return auth.binding;
}
