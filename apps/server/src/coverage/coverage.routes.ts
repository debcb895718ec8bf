import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { navigatorLayer } from '@vigil/cases';
import type { AuditTrail } from '@vigil/identity';
import { auditRequest } from '../audit/request-audit.ts';
import { coverageView, matrixInfoView } from './coverage-view.ts';
import { CoverageQuery, WorkspaceParams } from './coverage.schema.ts';
import { importAttackBundle } from './import-attack-bundle.ts';
import { requireMatrix, workspaceCoverage, type CoverageDeps } from './workspace-coverage.ts';

export interface CoverageRoutesOptions extends CoverageDeps {
  audit?: AuditTrail;
}

const BASE = '/api/v1/workspaces/:workspaceId/attack/coverage';
const GZIP_TYPES = ['application/gzip', 'application/x-gzip', 'application/octet-stream'];
/** The Enterprise bundle is ~33 MB as JSON (7 MB gzipped): more than the default body limit. */
const BUNDLE_LIMIT = 64 * 1024 * 1024;

function days(query: Static<typeof CoverageQuery>): number {
  const n = query.days === undefined ? 7 : Number(query.days);
  return Math.min(90, Math.max(1, n));
}

/**
 * ATT&CK coverage (issue 5): the installation-wide matrix import (platform admins), and per workspace
 * the coverage of its rules with data-seen and health, as JSON and as an ATT&CK Navigator layer.
 */
export async function registerCoverageRoutes(
  app: FastifyInstance,
  options: CoverageRoutesOptions,
): Promise<void> {
  await app.register((scope, _opts, registered) => {
    // The bundle may be sent as the .json.gz file itself as well as JSON.
    scope.addContentTypeParser(
      GZIP_TYPES,
      { parseAs: 'buffer', bodyLimit: BUNDLE_LIMIT },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      '/api/v1/attack/bundle',
      {
        bodyLimit: BUNDLE_LIMIT,
        config: {
          permission: 'system.settings',
          summary:
            'Import the ATT&CK Enterprise STIX bundle (JSON, or the .json.gz file as application/gzip)',
        },
      },
      async (request) => {
        const by = request.auth?.principal.id;
        const result = await importAttackBundle(options.matrices, request.body, {
          now: options.clock.now(),
          ...(by === undefined ? {} : { by }),
        });
        if (options.audit) {
          await auditRequest(options.audit, request, {
            event_type: 'attack.bundle_imported',
            result: 'success',
            resource: 'attack-matrix:enterprise',
            details: {
              techniques: result.techniques,
              subtechniques: result.subtechniques,
              modified: result.modified,
              sha256: result.sha256,
            },
          });
        }
        return result;
      },
    );
    registered();
  });

  app.get(
    '/api/v1/attack/bundle',
    {
      config: {
        permission: 'system.settings',
        summary: 'The imported ATT&CK matrix: version, counts, import time',
      },
    },
    async () => matrixInfoView(await requireMatrix(options.matrices)),
  );

  app.get<{ Params: Static<typeof WorkspaceParams>; Querystring: Static<typeof CoverageQuery> }>(
    BASE,
    {
      config: {
        permission: 'rules.read',
        summary:
          'ATT&CK coverage: per technique the rules, whether their data was seen (days, default 7), health',
      },
      schema: { params: WorkspaceParams, querystring: CoverageQuery },
    },
    async (request) => {
      const { stored, report } = await workspaceCoverage(
        options,
        request.params.workspaceId,
        days(request.query),
      );
      return coverageView(stored, report);
    },
  );

  app.get<{ Params: Static<typeof WorkspaceParams>; Querystring: Static<typeof CoverageQuery> }>(
    `${BASE}/navigator-layer`,
    {
      config: {
        permission: 'rules.read',
        summary: 'The coverage as an ATT&CK Navigator layer (format 4.5), as a JSON download',
      },
      schema: { params: WorkspaceParams, querystring: CoverageQuery },
    },
    async (request, reply) => {
      const ws = request.params.workspaceId;
      const { stored, report } = await workspaceCoverage(options, ws, days(request.query));
      const layer = navigatorLayer(stored.matrix, report, { name: `Vigil coverage — ${ws}` });
      const file = `vigil-attack-coverage-${ws.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`;
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file}"`)
        .send(layer);
    },
  );
}
