import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { unexpectedError } from '@vigil/core';
import {
  activity,
  attachmentNotFound,
  checkAttachmentName,
  invalidAttachment,
  sniffAttachmentType,
  type Attachment,
} from '@vigil/cases';
import type { AuditTrail, SecretBox } from '@vigil/identity';
import type { CasesRuntime } from '../alerts/cases-runtime.ts';
import { actorOf } from '../alerts/alert-request.ts';
import { auditRequest } from '../audit/request-audit.ts';
import {
  appendParentActivity,
  attachmentParentRoutes,
  requireParent,
  type AttachmentParentRoutes,
} from './attachment-parent.ts';
import {
  AttachmentListReply,
  AttachmentUploadQuery,
  AttachmentView,
  attachmentListParams,
  attachmentParams,
} from './attachments.schema.ts';

/** Default upload limit when the config does not say (the config default is the same). */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export interface AttachmentRouteDeps {
  box: SecretBox;
  audit?: AuditTrail;
  maxBytes: number;
}

type ListParams = { workspaceId: string } & Record<string, string>;
type OneParams = ListParams & { attachmentId: string };

// The sealed content is bound to its workspace and id: copied onto another row it does not open.
const aadOf = (workspace: string, id: string): string => `attachment:${workspace}:${id}`;

/** RFC 6266 filename: an ASCII fallback plus the exact UTF-8 name. */
function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const exact = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

/**
 * Attachments of incidents and alerts (issue 5): upload as a raw body (any Content-Type, `?name=`),
 * list, metadata, download, delete. The type is sniffed from the bytes (executables and active content
 * refused), the content sealed with AES-256-GCM under the master key and stored in the cases database,
 * the plaintext SHA-256 recorded. Downloads are always `attachment` with nosniff and a sandbox CSP.
 */
export async function registerAttachmentRoutes(
  app: FastifyInstance,
  cases: CasesRuntime,
  deps: AttachmentRouteDeps,
): Promise<void> {
  for (const parent of attachmentParentRoutes) {
    await app.register((scope, _opts, registered) => {
      registerParentRoutes(scope, cases, deps, parent);
      registered();
    });
  }
}

function registerParentRoutes(
  app: FastifyInstance,
  cases: CasesRuntime,
  deps: AttachmentRouteDeps,
  parent: AttachmentParentRoutes,
): void {
  const { kind, param, base } = parent;
  const ListParamsSchema = attachmentListParams(param);
  const OneParamsSchema = attachmentParams(param);
  // Any media type is an upload body here: the declared type is checked against the content instead.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: deps.maxBytes }, (_req, body, done) => {
    done(null, body);
  });

  const load = async (request: FastifyRequest<{ Params: OneParams }>): Promise<Attachment> => {
    const { workspaceId, attachmentId } = request.params;
    const parentId = request.params[param] ?? '';
    const found = await cases.attachments.get(workspaceId, attachmentId);
    if (found === undefined || found.parentKind !== kind || found.parentId !== parentId) {
      throw attachmentNotFound(workspaceId, attachmentId);
    }
    return found;
  };
  const audit = async (request: FastifyRequest, event: string, a: Attachment): Promise<void> => {
    if (deps.audit === undefined) return;
    await auditRequest(deps.audit, request, {
      event_type: event,
      result: 'success',
      resource: `attachment:${a.id}`,
      workspace: a.workspace,
      details: { parent: `${kind}:${a.parentId}`, name: a.name, size: a.size, sha256: a.sha256 },
    });
  };

  app.get<{ Params: ListParams }>(
    base,
    {
      config: { permission: parent.read, summary: `List the attachments of an ${kind}` },
      schema: { params: ListParamsSchema, response: { 200: AttachmentListReply } },
    },
    async (request) => {
      const { workspaceId } = request.params;
      const parentId = request.params[param] ?? '';
      await requireParent(cases, kind, workspaceId, parentId);
      return { attachments: await cases.attachments.list(workspaceId, kind, parentId) };
    },
  );

  app.post<{ Params: ListParams; Querystring: Static<typeof AttachmentUploadQuery>; Body: unknown }>(
    base,
    {
      bodyLimit: deps.maxBytes,
      config: {
        permission: parent.write,
        summary: `Attach a file to an ${kind} (raw body, ?name=; type sniffed, stored encrypted)`,
      },
      schema: {
        params: ListParamsSchema,
        querystring: AttachmentUploadQuery,
        response: { 201: AttachmentView },
      },
    },
    async (request, reply) => {
      const { workspaceId } = request.params;
      const parentId = request.params[param] ?? '';
      const name = checkAttachmentName(request.query.name);
      await requireParent(cases, kind, workspaceId, parentId);
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (body.length > deps.maxBytes) {
        throw invalidAttachment('content', `larger than the ${deps.maxBytes}-byte limit`);
      }
      const declared = request.query.type ?? request.headers['content-type'];
      const type = sniffAttachmentType(body, declared, name);
      const now = cases.clock.now();
      const actor = actorOf(request);
      const attachment: Attachment = {
        id: cases.ids.next(),
        workspace: workspaceId,
        parentKind: kind,
        parentId,
        name,
        ...type,
        size: body.length,
        sha256: createHash('sha256').update(body).digest('hex'),
        createdAt: now,
        createdBy: actor,
      };
      await cases.attachments.add(attachment, deps.box.seal(body, aadOf(workspaceId, attachment.id)));
      try {
        await appendParentActivity(
          cases,
          kind,
          workspaceId,
          parentId,
          activity(now, actor, 'attachment_added', {
            note: name,
            after: { id: attachment.id, sha256: attachment.sha256, size: attachment.size },
          }),
        );
      } catch (error) {
        // Nothing half-written: no attachment without its timeline entry.
        await cases.attachments.delete(workspaceId, attachment.id);
        throw error;
      }
      await audit(request, 'attachment.added', attachment);
      return reply.status(201).send(attachment);
    },
  );

  app.get<{ Params: OneParams }>(
    `${base}/:attachmentId`,
    {
      config: { permission: parent.read, summary: `One attachment's metadata (${kind})` },
      schema: { params: OneParamsSchema, response: { 200: AttachmentView } },
    },
    (request) => load(request),
  );

  app.get<{ Params: OneParams }>(
    `${base}/:attachmentId/content`,
    {
      config: {
        permission: parent.read,
        summary: `Download an attachment (${kind}); always as a file, never rendered inline`,
      },
      schema: { params: OneParamsSchema },
    },
    async (request, reply) => {
      const a = await load(request);
      const sealed = await cases.attachments.content(a.workspace, a.id);
      if (sealed === undefined) throw attachmentNotFound(a.workspace, a.id);
      const content = deps.box.open(sealed, aadOf(a.workspace, a.id));
      if (createHash('sha256').update(content).digest('hex') !== a.sha256) {
        throw unexpectedError('ATTACHMENT_CORRUPT', 'The stored attachment does not match its SHA-256', {
          details: { id: a.id },
        });
      }
      await audit(request, 'attachment.downloaded', a);
      return reply
        .header('content-disposition', contentDisposition(a.name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .header('x-vigil-sha256', a.sha256)
        .type(a.contentType)
        .send(content);
    },
  );

  app.delete<{ Params: OneParams }>(
    `${base}/:attachmentId`,
    {
      config: { permission: parent.write, summary: `Remove an attachment (${kind})` },
      schema: { params: OneParamsSchema },
    },
    async (request, reply) => {
      const a = await load(request);
      if (!(await cases.attachments.delete(a.workspace, a.id))) throw attachmentNotFound(a.workspace, a.id);
      await appendParentActivity(
        cases,
        kind,
        a.workspace,
        a.parentId,
        activity(cases.clock.now(), actorOf(request), 'attachment_removed', {
          note: a.name,
          before: { id: a.id, sha256: a.sha256, size: a.size },
        }),
      );
      await audit(request, 'attachment.removed', a);
      return reply.status(204).send();
    },
  );
}
