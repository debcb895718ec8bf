import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { isOperatorAccessActive, type Workspace } from '@vigil/identity';
import { AUTHENTICATED } from '../http/route-config.ts';
import { auditRequest } from '../audit/request-audit.ts';
import type { IdentityRuntime } from '../auth/identity-runtime.ts';
import { requireAuth } from '../auth/request-auth.ts';
import { notFound } from '../auth/auth.error.ts';
import { DEFAULT_DATA_SPACE_ID } from '../auth/complete-setup.ts';
import { ensureDataSpace } from './data-spaces.ts';

/** Retention grace period before a deleted workspace's data is purged. */
export const DELETE_GRACE_DAYS = 30;

const WorkspaceParams = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 64 }) });
const CreateBody = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
const UpdateBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    mfaRequired: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

function view(w: Workspace) {
  return {
    id: w.id,
    name: w.name,
    status: w.status,
    mfaRequired: w.mfaRequired,
    createdAt: new Date(w.createdAt).toISOString(),
  };
}

/** Workspaces: list those the caller can see, create (platform), read, rename, archive. */
export function registerWorkspaceRoutes(app: FastifyInstance, rt: IdentityRuntime): void {
  app.get(
    '/api/v1/workspaces',
    {
      config: {
        permission: AUTHENTICATED,
        summary: 'Workspaces the caller holds a role in (or operator access to)',
      },
    },
    async (request) => {
      const { principal } = requireAuth(request);
      const now = rt.clock.now();
      const ids = new Set(principal.grants.map((g) => g.workspaceId));
      for (const a of principal.operatorAccess ?? [])
        if (isOperatorAccessActive(a, a.workspaceId, now)) ids.add(a.workspaceId);
      const out = [];
      for (const id of [...ids].sort()) {
        const w = await rt.stores.workspaces.get(id);
        if (w && w.status !== 'deleting') {
          out.push({
            ...view(w),
            roles: principal.grants.filter((g) => g.workspaceId === id).map((g) => g.roleId),
          });
        }
      }
      return { workspaces: out };
    },
  );

  app.post<{ Body: Static<typeof CreateBody> }>(
    '/api/v1/workspaces',
    {
      config: {
        permission: 'workspaces.create',
        summary: 'Create a workspace (the creator becomes its owner)',
      },
      schema: { body: CreateBody },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const now = rt.clock.now();
      const workspace: Workspace = {
        id: request.body.id,
        name: request.body.name,
        status: 'active',
        mfaRequired: false,
        createdAt: now,
      };
      await rt.stores.workspaces.create(workspace);
      await ensureDataSpace(rt, workspace.id, DEFAULT_DATA_SPACE_ID, 'Default');
      await rt.stores.roleGrants.grant({
        principalId: auth.principal.id,
        roleId: 'owner',
        workspaceId: workspace.id,
        grantedBy: auth.principal.id,
        grantedAt: now,
      });
      await auditRequest(rt.audit, request, {
        event_type: 'workspace.created',
        result: 'success',
        resource: `workspace:${workspace.id}`,
        workspace: workspace.id,
      });
      return reply.status(201).send(view(workspace));
    },
  );

  app.get<{ Params: Static<typeof WorkspaceParams> }>(
    '/api/v1/workspaces/:workspaceId',
    {
      config: { permission: 'workspace.read', summary: 'One workspace' },
      schema: { params: WorkspaceParams },
    },
    async (request) => {
      const w = await rt.stores.workspaces.get(request.params.workspaceId);
      if (!w) throw notFound('workspace');
      return view(w);
    },
  );

  app.patch<{ Params: Static<typeof WorkspaceParams>; Body: Static<typeof UpdateBody> }>(
    '/api/v1/workspaces/:workspaceId',
    {
      config: { permission: 'workspace.manage', summary: 'Rename a workspace or require MFA of its members' },
      schema: { params: WorkspaceParams, body: UpdateBody },
    },
    async (request) => {
      const w = await rt.stores.workspaces.get(request.params.workspaceId);
      if (!w) throw notFound('workspace');
      const next = {
        ...w,
        ...(request.body.name === undefined ? {} : { name: request.body.name }),
        ...(request.body.mfaRequired === undefined ? {} : { mfaRequired: request.body.mfaRequired }),
      };
      await rt.stores.workspaces.update(next);
      await auditRequest(rt.audit, request, {
        event_type: 'workspace.updated',
        result: 'success',
        resource: `workspace:${w.id}`,
        workspace: w.id,
        details: { changed: Object.keys(request.body) },
      });
      return view(next);
    },
  );

  app.delete<{ Params: Static<typeof WorkspaceParams> }>(
    '/api/v1/workspaces/:workspaceId',
    {
      config: {
        permission: 'workspace.delete',
        summary: `Schedule deletion after a ${DELETE_GRACE_DAYS}-day grace period (restorable until then)`,
      },
      schema: { params: WorkspaceParams },
    },
    async (request) => {
      const w = await rt.stores.workspaces.get(request.params.workspaceId);
      if (!w) throw notFound('workspace');
      const next: Workspace = {
        ...w,
        status: 'deleting',
        deleteAfter: rt.clock.now() + DELETE_GRACE_DAYS * 86_400_000,
      };
      await rt.stores.workspaces.update(next);
      await auditRequest(rt.audit, request, {
        event_type: 'workspace.deletion_scheduled',
        result: 'success',
        resource: `workspace:${w.id}`,
        workspace: w.id,
      });
      return { ...view(next), deleteAfter: new Date(next.deleteAfter ?? 0).toISOString() };
    },
  );

  app.post<{ Params: Static<typeof WorkspaceParams> }>(
    '/api/v1/workspaces/:workspaceId/restore',
    {
      config: { permission: 'workspace.delete', summary: 'Cancel a scheduled deletion or un-archive' },
      schema: { params: WorkspaceParams },
    },
    async (request) => {
      const w = await rt.stores.workspaces.get(request.params.workspaceId);
      if (!w) throw notFound('workspace');
      const { deleteAfter: _dropped, ...rest } = w;
      const next: Workspace = { ...rest, status: 'active' };
      await rt.stores.workspaces.update(next);
      await auditRequest(rt.audit, request, {
        event_type: 'workspace.restored',
        result: 'success',
        resource: `workspace:${w.id}`,
        workspace: w.id,
      });
      return view(next);
    },
  );

  app.post<{ Params: Static<typeof WorkspaceParams> }>(
    '/api/v1/workspaces/:workspaceId/archive',
    {
      config: { permission: 'workspace.manage', summary: 'Archive a workspace (read-only, restorable)' },
      schema: { params: WorkspaceParams },
    },
    async (request) => {
      const w = await rt.stores.workspaces.get(request.params.workspaceId);
      if (!w) throw notFound('workspace');
      const next: Workspace = { ...w, status: 'archived' };
      await rt.stores.workspaces.update(next);
      await auditRequest(rt.audit, request, {
        event_type: 'workspace.archived',
        result: 'success',
        resource: `workspace:${w.id}`,
        workspace: w.id,
      });
      return view(next);
    },
  );
}
