import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditTrail } from '@vigil/identity';
import { auditRequest } from '../audit/request-audit.ts';
import { Type, type Static } from '@sinclair/typebox';
import { randomUUID } from 'node:crypto';
import { userError } from '@vigil/core';
import type { MetadataStore, StoredRecord } from '@vigil/core';
import { parseQuery } from '@vigil/query';
import { WorkspaceParams } from './search.schema.ts';

/** A saved query (metadata kind `saved-query`, id a UUID). */
export interface SavedQuery {
  name: string;
  query: string;
  description: string;
}

export const SAVED_QUERY_KIND = 'saved-query';

const ItemParams = Type.Object({
  workspaceId: Type.String({ minLength: 1, maxLength: 64 }),
  id: Type.String({ minLength: 1, maxLength: 64 }),
});
const Fields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  query: Type.String({ maxLength: 10_000 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
};
const CreateBody = Type.Object(Fields, { additionalProperties: false });
const UpdateBody = Type.Object(
  { ...Fields, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
const ListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  after: Type.Optional(Type.String({ maxLength: 64 })),
});

function view(r: StoredRecord<SavedQuery>) {
  return {
    id: r.id,
    ...r.data,
    version: r.version,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

/** Refuses a query that does not parse, with every problem, as the search route does. */
function checkQuery(query: string): void {
  const { problems } = parseQuery(query);
  if (problems.length > 0) {
    throw userError('QUERY_INVALID', problems[0]?.message ?? 'the query is invalid', {
      details: { field: 'query', problems: problems.map((p) => ({ offset: p.offset, message: p.message })) },
    });
  }
}

function notFound(id: string) {
  return userError('RECORD_NOT_FOUND', `saved query ${JSON.stringify(id)} was not found`, {
    status: 404,
    details: { id },
  });
}

/** Saved queries per workspace: list, create, read, replace (optimistic version), delete. */
export function registerSavedQueryRoutes(
  app: FastifyInstance,
  metadata: MetadataStore,
  audit?: AuditTrail,
): void {
  const record = async (
    request: FastifyRequest<{ Params: { workspaceId: string } }>,
    event: string,
    id: string,
  ) => {
    if (audit === undefined) return;
    const workspace = request.params.workspaceId;
    await auditRequest(audit, request, {
      event_type: event,
      result: 'success',
      resource: `saved-query:${workspace}/${id}`,
      workspace,
    });
  };
  const repo = () => metadata.repository<SavedQuery>(SAVED_QUERY_KIND);
  const base = '/api/v1/workspaces/:workspaceId/saved-queries';

  app.get<{ Params: Static<typeof WorkspaceParams>; Querystring: Static<typeof ListQuery> }>(
    base,
    {
      config: { permission: 'queries.read', summary: 'List saved queries' },
      schema: { params: WorkspaceParams, querystring: ListQuery },
    },
    async (request) => {
      const q = request.query;
      const list = await repo().list(request.params.workspaceId, {
        ...(q.limit === undefined ? {} : { limit: q.limit }),
        ...(q.after === undefined ? {} : { after: q.after }),
      });
      return { savedQueries: list.map(view) };
    },
  );

  app.post<{ Params: Static<typeof WorkspaceParams>; Body: Static<typeof CreateBody> }>(
    base,
    {
      config: { permission: 'queries.write', summary: 'Save a query' },
      schema: { params: WorkspaceParams, body: CreateBody },
    },
    async (request, reply) => {
      const b = request.body;
      checkQuery(b.query);
      const created = await repo().create(request.params.workspaceId, randomUUID(), {
        name: b.name,
        query: b.query,
        description: b.description ?? '',
      });
      await record(request, 'saved_query.created', created.id);
      return reply.status(201).send(view(created));
    },
  );

  app.get<{ Params: Static<typeof ItemParams> }>(
    `${base}/:id`,
    { config: { permission: 'queries.read', summary: 'One saved query' }, schema: { params: ItemParams } },
    async (request) => {
      const found = await repo().get(request.params.workspaceId, request.params.id);
      if (!found) throw notFound(request.params.id);
      return view(found);
    },
  );

  app.put<{ Params: Static<typeof ItemParams>; Body: Static<typeof UpdateBody> }>(
    `${base}/:id`,
    {
      config: { permission: 'queries.write', summary: 'Replace a saved query (send the version you read)' },
      schema: { params: ItemParams, body: UpdateBody },
    },
    async (request) => {
      const b = request.body;
      checkQuery(b.query);
      const updated = await repo().update(request.params.workspaceId, request.params.id, b.version, {
        name: b.name,
        query: b.query,
        description: b.description ?? '',
      });
      await record(request, 'saved_query.updated', updated.id);
      return view(updated);
    },
  );

  app.delete<{ Params: Static<typeof ItemParams> }>(
    `${base}/:id`,
    {
      config: { permission: 'queries.write', summary: 'Delete a saved query' },
      schema: { params: ItemParams },
    },
    async (request, reply) => {
      if (!(await repo().delete(request.params.workspaceId, request.params.id)))
        throw notFound(request.params.id);
      await record(request, 'saved_query.deleted', request.params.id);
      return reply.status(204).send();
    },
  );
}
