import { X509Certificate } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { userError, type MetadataStore, type StoredRecord } from '@vigil/core';
import type { AuditTrail } from '@vigil/identity';
import { auditRequest } from '../../audit/request-audit.ts';
import { requireAuth } from '../../auth/request-auth.ts';
import { notFound } from '../../auth/auth.error.ts';
import { assertDataSpace } from '../../workspaces/data-spaces.ts';
import type { SyslogRuntime } from './syslog-runtime.ts';
import { normaliseFingerprint, SyslogSourceStore, type SyslogSource } from './syslog-source-store.ts';
import {
  CreateSyslogSourceBody,
  SourceParams,
  SyslogSourceView,
  WorkspaceParams,
} from './syslog-sources.schema.ts';

export interface SyslogSourceRouteDeps {
  metadata: MetadataStore;
  audit: AuditTrail;
  runtime: SyslogRuntime;
  /** Every workspace id: a certificate may authenticate one source only, across workspaces. */
  workspaces: () => Promise<string[]>;
}

function view(r: StoredRecord<SyslogSource>): Static<typeof SyslogSourceView> {
  return {
    id: r.id,
    name: r.data.name,
    dataSpace: r.data.dataSpace,
    match: r.data.match,
    fingerprint: r.data.fingerprint,
    ...(r.data.subject === undefined ? {} : { subject: r.data.subject }),
    source: `syslog-tls:${r.data.name}`,
    createdBy: r.data.createdBy,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

function invalid(field: string, message: string) {
  return userError('SYSLOG_SOURCE_INVALID', message, { status: 400, details: { field } });
}

/** What a create request registers: a pinned client certificate or a CA. */
function credential(
  body: Static<typeof CreateSyslogSourceBody>,
): Pick<SyslogSource, 'match' | 'fingerprint' | 'caCertificate' | 'subject'> {
  const { certificateSha256, caCertificate } = body;
  if ((certificateSha256 === undefined) === (caCertificate === undefined)) {
    throw invalid('certificateSha256', 'Give exactly one of certificateSha256 or caCertificate');
  }
  if (certificateSha256 !== undefined) {
    return { match: 'certificate', fingerprint: normaliseFingerprint(certificateSha256) };
  }
  let ca: X509Certificate;
  try {
    ca = new X509Certificate(caCertificate!);
  } catch {
    throw invalid('caCertificate', 'caCertificate is not a PEM X.509 certificate');
  }
  if (!ca.ca)
    throw invalid('caCertificate', 'caCertificate is not a CA certificate (basicConstraints CA:FALSE)');
  return {
    match: 'issuer',
    fingerprint: normaliseFingerprint(ca.fingerprint256),
    caCertificate: ca.toString(),
    subject: ca.subject,
  };
}

/**
 * Syslog sources authenticated by TLS client certificate (issue 4): register, list, remove. Token-
 * authenticated syslog senders need no registration: they use ingest tokens (`/ingest-tokens`).
 */
export function registerSyslogSourceRoutes(app: FastifyInstance, deps: SyslogSourceRouteDeps): void {
  const store = new SyslogSourceStore(deps.metadata);

  app.post<{ Params: Static<typeof WorkspaceParams>; Body: Static<typeof CreateSyslogSourceBody> }>(
    '/api/v1/workspaces/:workspaceId/syslog-sources',
    {
      config: {
        permission: 'sources.write',
        summary: 'Register a syslog sender by its TLS client certificate (or CA) for one data space',
      },
      schema: { params: WorkspaceParams, body: CreateSyslogSourceBody, response: { 201: SyslogSourceView } },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const { workspaceId } = request.params;
      const dataSpace = request.body.dataSpace ?? 'default';
      const cred = credential(request.body);
      await assertDataSpace({ metadata: deps.metadata }, workspaceId, dataSpace);
      for (const ws of await deps.workspaces()) {
        const taken = (await store.list(ws)).some(
          (s) =>
            s.data.fingerprint === cred.fingerprint ||
            (ws === workspaceId && s.data.name === request.body.name),
        );
        if (taken) {
          throw userError(
            'SYSLOG_SOURCE_EXISTS',
            'This certificate or name is already registered as a syslog source',
            {
              status: 409,
              details: { field: cred.match === 'issuer' ? 'caCertificate' : 'certificateSha256' },
            },
          );
        }
      }
      const record = await store.create(workspaceId, {
        name: request.body.name,
        dataSpace,
        ...cred,
        createdBy: auth.principal.id,
      });
      deps.runtime.sourcesChanged();
      await auditRequest(deps.audit, request, {
        event_type: 'syslog_source.created',
        result: 'success',
        resource: `syslog_source:${record.id}`,
        workspace: workspaceId,
        details: { name: record.data.name, dataSpace, match: cred.match, fingerprint: cred.fingerprint },
      });
      return reply.status(201).send(view(record));
    },
  );

  app.get<{ Params: Static<typeof WorkspaceParams> }>(
    '/api/v1/workspaces/:workspaceId/syslog-sources',
    {
      config: {
        permission: 'sources.read',
        summary: 'List the syslog sources registered by client certificate',
      },
      schema: { params: WorkspaceParams },
    },
    async (request) => ({ sources: (await store.list(request.params.workspaceId)).map(view) }),
  );

  app.delete<{ Params: Static<typeof SourceParams> }>(
    '/api/v1/workspaces/:workspaceId/syslog-sources/:sourceId',
    {
      config: {
        permission: 'sources.write',
        summary: 'Remove a syslog source: its certificate is refused from then on',
      },
      schema: { params: SourceParams },
    },
    async (request, reply) => {
      const { workspaceId, sourceId } = request.params;
      const found = await store.get(workspaceId, sourceId);
      if (found === undefined) throw notFound('syslog source');
      await store.delete(workspaceId, sourceId);
      deps.runtime.sourcesChanged();
      await auditRequest(deps.audit, request, {
        event_type: 'syslog_source.deleted',
        result: 'success',
        resource: `syslog_source:${sourceId}`,
        workspace: workspaceId,
        details: { name: found.data.name, fingerprint: found.data.fingerprint },
      });
      return reply.status(204).send();
    },
  );
}
