import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { parseTime, userError } from '@vigil/core';
import { eventNeedles, identifierPattern, MIN_IDENTIFIER_LENGTH, pseudonymiseEvent } from '@vigil/identity';
import { auditRequest } from '../audit/request-audit.ts';
import { notFound } from '../auth/auth.error.ts';
import type { IdentityRuntime } from '../auth/identity-runtime.ts';
import type { OpenEventPseudonymiser } from './open-event-pseudonymiser.ts';

const Params = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 64 }) });
const Body = Type.Object(
  {
    identifiers: Type.Array(Type.String({ minLength: 1, maxLength: 320 }), {
      minItems: 1,
      maxItems: 20,
      description: 'The person’s identifiers as they appear in events: account names, e-mail addresses…',
    }),
    from: Type.String({ maxLength: 64, description: 'ISO-8601, inclusive (event time)' }),
    to: Type.String({ maxLength: 64, description: 'ISO-8601, exclusive' }),
    dryRun: Type.Optional(Type.Boolean({ description: 'Default true: count only, write nothing' })),
  },
  { additionalProperties: false },
);
const Reply = Type.Object({
  dryRun: Type.Boolean(),
  from: Type.String(),
  to: Type.String(),
  identifiers: Type.Integer(),
  scanned: Type.Integer(),
  matched: Type.Integer(),
  rewritten: Type.Integer(),
  pseudonym: Type.Optional(Type.String()),
});

/** Rows per transaction: small enough that ingest never waits long behind one. */
const BATCH_SIZE = 500;

function bad(field: string, message: string): Error {
  return userError('INVALID_ERASURE_REQUEST', `${field}: ${message}`, { status: 400, details: { field } });
}

/**
 * Per-person erasure in stored events (issue 6): replaces a monitored person's identifiers with a
 * random pseudonym in one workspace's events of a time range. A dry run (the default) counts the
 * events it would change; both are audited without the identifiers themselves.
 */
export function registerEventPseudonymisationRoutes(
  app: FastifyInstance,
  rt: IdentityRuntime,
  open: OpenEventPseudonymiser,
): void {
  app.post<{ Params: Static<typeof Params>; Body: Static<typeof Body> }>(
    '/api/v1/workspaces/:workspaceId/privacy/event-pseudonymisation',
    {
      config: {
        permission: 'privacy.manage',
        summary: 'Pseudonymise a person’s identifiers in stored events of a time range (dry run by default)',
      },
      schema: { params: Params, body: Body, response: { 200: Reply } },
    },
    async (request) => {
      const { workspaceId } = request.params;
      if (!(await rt.stores.workspaces.get(workspaceId))) throw notFound('workspace');
      const identifiers = request.body.identifiers.map((i) => i.trim());
      identifiers.forEach((id, i) => {
        if (id.length < MIN_IDENTIFIER_LENGTH) {
          throw bad(
            `identifiers[${i}]`,
            `at least ${MIN_IDENTIFIER_LENGTH} characters (shorter ones match unrelated words)`,
          );
        }
      });
      const from = parseTime(request.body.from, 'from');
      const to = parseTime(request.body.to, 'to');
      if (to <= from) throw bad('to', 'must be after from');
      const dryRun = request.body.dryRun ?? true;
      // Random, not derived from the identifiers: a hash of a name could be reversed by guessing names.
      const pseudonym = `person-${randomBytes(6).toString('hex')}`;
      const pattern = identifierPattern(identifiers);
      const store = await open();
      let counts;
      try {
        counts = await store.pseudonymise(
          { workspace: workspaceId, from, to, needles: eventNeedles(identifiers) },
          (doc) => pseudonymiseEvent(doc, pattern, pseudonym),
          { batchSize: BATCH_SIZE, dryRun },
        );
      } finally {
        await store.close();
      }
      const range = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
      await auditRequest(rt.audit, request, {
        event_type: dryRun ? 'privacy.events_pseudonymisation_previewed' : 'privacy.events_pseudonymised',
        result: 'success',
        resource: `workspace:${workspaceId}`,
        workspace: workspaceId,
        details: { ...range, identifiers: identifiers.length, ...counts, ...(dryRun ? {} : { pseudonym }) },
      });
      return {
        dryRun,
        ...range,
        identifiers: identifiers.length,
        ...counts,
        ...(dryRun ? {} : { pseudonym }),
      };
    },
  );
}
