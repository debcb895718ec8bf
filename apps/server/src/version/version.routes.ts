import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { PUBLIC } from '../http/route-config.ts';

/** `GET /api/v1/version`: public, so nothing here may reveal configuration or secrets. */
export function registerVersionRoutes(
  app: FastifyInstance,
  info: { version: string; mode: 'embedded' | 'distributed' },
): void {
  app.get(
    '/api/v1/version',
    {
      config: { permission: PUBLIC, summary: 'Version and deployment mode' },
      schema: {
        response: {
          200: Type.Object({
            version: Type.String(),
            mode: Type.Union([Type.Literal('embedded'), Type.Literal('distributed')]),
          }),
        },
      },
    },
    () => ({ version: info.version, mode: info.mode }),
  );
}
