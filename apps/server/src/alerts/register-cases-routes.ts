import type { FastifyInstance } from 'fastify';
import { registerIncidentRoutes } from '../incidents/incidents.routes.ts';
import { registerAlertStreamRoute } from './alert-stream.routes.ts';
import { registerAlertRoutes } from './alerts.routes.ts';
import type { CasesRuntime } from './cases-runtime.ts';
import { registerSuppressionRoutes } from './suppressions.routes.ts';

/** Alerts, suppression rules, the live alert stream and incidents. */
export async function registerCasesRoutes(app: FastifyInstance, cases: CasesRuntime): Promise<void> {
  registerAlertStreamRoute(app, cases);
  await registerAlertRoutes(app, cases);
  registerSuppressionRoutes(app, cases);
  registerIncidentRoutes(app, cases);
}
