import type { FastifyInstance } from 'fastify';
import { buildPrivacyStatement, personalDataInventory, type PrivacySettings } from '@vigil/identity';
import { AUTHENTICATED, PUBLIC } from '../http/route-config.ts';

/** The privacy statement (public, like any privacy notice) and the personal-data inventory. */
export function registerPrivacyStatementRoutes(app: FastifyInstance, settings: PrivacySettings): void {
  app.get(
    '/api/v1/privacy',
    {
      config: {
        permission: PUBLIC,
        summary: 'Privacy statement: data collected, purposes, retention, storage location, controller',
      },
    },
    () => buildPrivacyStatement(settings),
  );

  app.get(
    '/api/v1/privacy/inventory',
    {
      config: {
        permission: AUTHENTICATED,
        summary: 'Personal-data inventory: where personal data lives, why, how long, on which legal basis',
      },
    },
    () => ({ locations: personalDataInventory(settings.retentionDays) }),
  );
}
