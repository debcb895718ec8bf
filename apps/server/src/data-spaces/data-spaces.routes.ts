import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { userError } from '@vigil/core';
import type { EventStore, MetadataStore, StoredRecord } from '@vigil/core';
import type { AuditTrail } from '@vigil/identity';
import { auditRequest } from '../audit/request-audit.ts';
import {
  DATA_SPACE_KIND,
  DEFAULT_RETENTION_DAYS,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  listAll,
  readDataSpace,
} from './data-space.ts';
import type { DataSpace } from './data-space.ts';

const WorkspaceParams = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 64 }) });
const ItemParams = Type.Object({
  workspaceId: Type.String({ minLength: 1, maxLength: 64 }),
  name: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }),
});
const retention = Type.Integer({ minimum: MIN_RETENTION_DAYS, maximum: MAX_RETENTION_DAYS });
const CreateBody = Type.Object(
  {
    name: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    retentionDays: Type.Optional(retention),
  },
  { additionalProperties: false },
);
const UpdateBody = Type.Object(
  {
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    retentionDays: Type.Optional(retention),
    /** Optimistic concurrency: the version read; the update fails with 409 when it is stale. */
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

type Stored = StoredRecord<Partial<DataSpace> & Record<string, unknown>>;

function view(r: Stored) {
  return {
    ...readDataSpace(r),
    version: r.version,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

const DEFAULT_DATA_SPACE = 'default';
/** Event times are ±8.64e15 ms at most (ECMAScript Date range). */
const ALL_TIME = 8.64e15;

function notFound(name: string) {
  return userError('DATA_SPACE_NOT_FOUND', `data space ${JSON.stringify(name)} was not found`, {
    status: 404,
    details: { name },
  });
}

/**
 * Data spaces of a workspace: list, create, read, change description/retention, delete (the metadata
 * only: stored events age out through retention). Reading needs `workspace.read`, changes
 * `workspace.manage` (the catalogue's "manage data spaces and retention").
 */
export function registerDataSpaceRoutes(
  app: FastifyInstance,
  metadata: MetadataStore,
  audit?: AuditTrail,
  events?: Pick<EventStore, 'count'>,
): void {
  const record = async (
    request: FastifyRequest<{ Params: { workspaceId: string } }>,
    event: string,
    name: string,
  ) => {
    if (audit === undefined) return;
    const workspace = request.params.workspaceId;
    await auditRequest(audit, request, {
      event_type: event,
      result: 'success',
      resource: `data-space:${workspace}/${name}`,
      workspace,
    });
  };
  const repo = () => metadata.repository<Partial<DataSpace> & Record<string, unknown>>(DATA_SPACE_KIND);
  const base = '/api/v1/workspaces/:workspaceId/data-spaces';

  app.get<{ Params: Static<typeof WorkspaceParams> }>(
    base,
    {
      config: { permission: 'workspace.read', summary: 'List data spaces' },
      schema: { params: WorkspaceParams },
    },
    async (request) => ({ dataSpaces: (await listAll(metadata, request.params.workspaceId)).map(view) }),
  );

  app.post<{ Params: Static<typeof WorkspaceParams>; Body: Static<typeof CreateBody> }>(
    base,
    {
      config: { permission: 'workspace.manage', summary: 'Create a data space' },
      schema: { params: WorkspaceParams, body: CreateBody },
    },
    async (request, reply) => {
      const b = request.body;
      const data: DataSpace = {
        name: b.name,
        description: b.description ?? '',
        retentionDays: b.retentionDays ?? DEFAULT_RETENTION_DAYS,
      };
      const created = await repo().create(request.params.workspaceId, b.name, { ...data });
      await record(request, 'data_space.created', b.name);
      return reply.status(201).send(view(created));
    },
  );

  app.get<{ Params: Static<typeof ItemParams> }>(
    `${base}/:name`,
    { config: { permission: 'workspace.read', summary: 'One data space' }, schema: { params: ItemParams } },
    async (request) => {
      const found = await repo().get(request.params.workspaceId, request.params.name);
      if (!found) throw notFound(request.params.name);
      return view(found);
    },
  );

  app.patch<{ Params: Static<typeof ItemParams>; Body: Static<typeof UpdateBody> }>(
    `${base}/:name`,
    {
      config: { permission: 'workspace.manage', summary: 'Change a data space (description, retention)' },
      schema: { params: ItemParams, body: UpdateBody },
    },
    async (request) => {
      const { workspaceId, name } = request.params;
      const found = await repo().get(workspaceId, name);
      if (!found) throw notFound(name);
      const current = readDataSpace(found);
      const b = request.body;
      const data: DataSpace = {
        name,
        description: b.description ?? current.description,
        retentionDays: b.retentionDays ?? current.retentionDays,
      };
      const updated = await repo().update(workspaceId, name, b.version ?? found.version, {
        ...found.data,
        ...data,
      });
      await record(request, 'data_space.updated', name);
      return view(updated);
    },
  );

  app.delete<{ Params: Static<typeof ItemParams> }>(
    `${base}/:name`,
    {
      config: { permission: 'workspace.manage', summary: 'Delete an empty data space (not default)' },
      schema: { params: ItemParams },
    },
    async (request, reply) => {
      const { workspaceId, name } = request.params;
      // Retention only sees defined data spaces: deleting one that still holds events would orphan them.
      if (name === DEFAULT_DATA_SPACE) {
        throw userError('DATA_SPACE_PROTECTED', 'the default data space cannot be deleted', {
          status: 409,
          details: { name },
        });
      }
      const stored =
        events &&
        (await events.count({ workspace: workspaceId, dataSpaces: [name], from: -ALL_TIME, to: ALL_TIME }));
      if (stored !== undefined && stored > 0) {
        throw userError(
          'DATA_SPACE_NOT_EMPTY',
          `data space ${JSON.stringify(name)} still holds ${stored} events; lower its retention and let them age out first`,
          {
            status: 409,
            details: { name, events: stored },
          },
        );
      }
      if (!(await repo().delete(request.params.workspaceId, request.params.name)))
        throw notFound(request.params.name);
      await record(request, 'data_space.deleted', request.params.name);
      return reply.status(204).send();
    },
  );
}
