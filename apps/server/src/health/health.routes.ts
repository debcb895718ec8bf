import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Bus, Storage } from '@vigil/core';
import { PUBLIC } from '../http/route-config.ts';
import { checkReadiness } from './readiness.ts';

const Checks = Type.Object({ storage: Type.String(), bus: Type.String() });

/** Liveness (`/healthz`: the process answers) and readiness (`/readyz`: storage and bus answer). */
export function registerHealthRoutes(app: FastifyInstance, deps: { storage: Storage; bus: Bus }): void {
  app.get(
    '/healthz',
    {
      config: { permission: PUBLIC, summary: 'Liveness: the process is up' },
      schema: { response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
    },
    () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { permission: PUBLIC, summary: 'Readiness: storage and bus reachable' },
      schema: {
        response: {
          200: Type.Object({ status: Type.Literal('ready'), checks: Checks }),
          503: Type.Object({ status: Type.Literal('not_ready'), checks: Checks }),
        },
      },
    },
    async (_request, reply) => {
      const readiness = await checkReadiness(deps.storage, deps.bus);
      if (readiness.ready) return { status: 'ready' as const, checks: readiness.checks };
      return reply.status(503).send({ status: 'not_ready' as const, checks: readiness.checks });
    },
  );
}
