import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { userError } from '@vigil/core';
import { builtInRole, canGrantRole, issueMachineToken, type MachineTokenKind } from '@vigil/identity';
import { auditRequest } from '../audit/request-audit.ts';
import type { IdentityRuntime } from './identity-runtime.ts';
import { requireAuth } from './request-auth.ts';
import { forbidden, notFound } from './auth.error.ts';
import { issueIngestToken, tokenView } from './issue-ingest-token.ts';
import { DEFAULT_DATA_SPACE_ID } from './complete-setup.ts';

const DAY_MS = 86_400_000;
const WsParams = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 64 }) });
const TokenParams = Type.Object({
  workspaceId: Type.String({ minLength: 1, maxLength: 64 }),
  tokenId: Type.String({ pattern: '^[0-9a-f]{16}$' }),
});
const ApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    role: Type.String({ minLength: 1, maxLength: 64 }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
  },
  { additionalProperties: false },
);
const IngestBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    dataSpace: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);

const PATHS: Record<MachineTokenKind, string> = { api_key: 'api-keys', ingest: 'ingest-tokens' };

/** API keys (one role in one workspace) and ingest tokens (one data space): shown once, stored hashed, revocable. */
export function registerMachineTokenRoutes(app: FastifyInstance, rt: IdentityRuntime): void {
  app.post<{ Params: Static<typeof WsParams>; Body: Static<typeof ApiKeyBody> }>(
    '/api/v1/workspaces/:workspaceId/api-keys',
    {
      config: {
        permission: 'tokens.manage',
        summary: 'Create an API key holding one role (the key is shown once)',
      },
      schema: { params: WsParams, body: ApiKeyBody },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const { workspaceId } = request.params;
      const role =
        builtInRole(request.body.role) ?? (await rt.stores.roles.get(workspaceId, request.body.role));
      if (!role || role.scope !== 'workspace') {
        throw userError('ROLE_UNKNOWN', `No role ${request.body.role} in this workspace`, {
          status: 400,
          details: { field: 'role' },
        });
      }
      // An API key never holds more than its creator can grant.
      const may = canGrantRole(auth.principal, workspaceId, role);
      if (!may.allowed) throw forbidden(`roles.manage (${may.reason})`, workspaceId);
      const now = rt.clock.now();
      const { token, record } = issueMachineToken({
        kind: 'api_key',
        name: request.body.name,
        workspaceId,
        roleId: role.id,
        createdBy: auth.principal.id,
        createdAt: now,
        ...(request.body.expiresInDays === undefined
          ? {}
          : { expiresAt: now + request.body.expiresInDays * DAY_MS }),
      });
      await rt.stores.machineTokens.create(record);
      await auditRequest(rt.audit, request, {
        event_type: 'token.created',
        result: 'success',
        resource: `api_key:${record.id}`,
        workspace: workspaceId,
        details: { role: role.id },
      });
      return reply.status(201).send({ ...tokenView(record), token });
    },
  );

  app.post<{ Params: Static<typeof WsParams>; Body: Static<typeof IngestBody> }>(
    '/api/v1/workspaces/:workspaceId/ingest-tokens',
    {
      config: {
        permission: 'tokens.manage',
        summary: 'Create an ingest token for one data space (shown once)',
      },
      schema: { params: WsParams, body: IngestBody },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const { workspaceId } = request.params;
      const now = rt.clock.now();
      const { token, record } = await issueIngestToken(rt, {
        workspaceId,
        dataSpace: request.body.dataSpace ?? DEFAULT_DATA_SPACE_ID,
        name: request.body.name,
        createdBy: auth.principal.id,
        ...(request.body.expiresInDays === undefined
          ? {}
          : { expiresAt: now + request.body.expiresInDays * DAY_MS }),
      });
      await auditRequest(rt.audit, request, {
        event_type: 'token.created',
        result: 'success',
        resource: `ingest_token:${record.id}`,
        workspace: workspaceId,
        details: { dataSpace: record.dataSpace },
      });
      return reply.status(201).send({ ...tokenView(record), token });
    },
  );

  for (const kind of ['api_key', 'ingest'] as const) {
    app.get<{ Params: Static<typeof WsParams> }>(
      `/api/v1/workspaces/:workspaceId/${PATHS[kind]}`,
      {
        config: {
          permission: 'tokens.manage',
          summary: `List ${kind === 'api_key' ? 'API keys' : 'ingest tokens'} (never the secrets)`,
        },
        schema: { params: WsParams },
      },
      async (request) => {
        const rows = await rt.stores.machineTokens.listByWorkspace(request.params.workspaceId);
        return { tokens: rows.filter((t) => t.kind === kind).map(tokenView) };
      },
    );

    app.delete<{ Params: Static<typeof TokenParams> }>(
      `/api/v1/workspaces/:workspaceId/${PATHS[kind]}/:tokenId`,
      {
        config: {
          permission: 'tokens.manage',
          summary: `Revoke ${kind === 'api_key' ? 'an API key' : 'an ingest token'}`,
        },
        schema: { params: TokenParams },
      },
      async (request, reply) => {
        const { workspaceId, tokenId } = request.params;
        const token = await rt.stores.machineTokens.get(tokenId);
        if (!token || token.workspaceId !== workspaceId || token.kind !== kind) throw notFound('token');
        await rt.stores.machineTokens.revoke(tokenId, rt.clock.now());
        await auditRequest(rt.audit, request, {
          event_type: 'token.revoked',
          result: 'success',
          resource: `${kind === 'api_key' ? 'api_key' : 'ingest_token'}:${tokenId}`,
          workspace: workspaceId,
        });
        return reply.status(204).send();
      },
    );
  }
}
