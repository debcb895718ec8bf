import type { FastifyInstance } from 'fastify';
import { registerIncidentRoutes } from '../incidents/incidents.routes.ts';
import { DEFAULT_ATTACHMENT_MAX_BYTES, registerAttachmentRoutes } from '../incidents/attachments.routes.ts';
import { registerAlertStreamRoute } from './alert-stream.routes.ts';
import { registerAlertRoutes } from './alerts.routes.ts';
import type { CasesRouteDeps } from './cases-route-deps.ts';
import type { CasesRuntime } from './cases-runtime.ts';
import { registerSuppressionRoutes } from './suppressions.routes.ts';
import { registerSlaPolicyRoutes } from '../incidents/sla-policy.routes.ts';
import { registerRuleAlertingRoutes } from './rule-alerting.routes.ts';
import { registerNotificationRoutes } from '../incidents/notifications.routes.ts';
import { registerRelationshipRoutes } from '../incidents/relationships.routes.ts';

/** Alerts, suppression rules, the live alert stream, incidents and their attachments. */
export async function registerCasesRoutes(
  app: FastifyInstance,
  cases: CasesRuntime,
  deps: CasesRouteDeps = {},
): Promise<void> {
  registerAlertStreamRoute(app, cases);
  await registerAlertRoutes(app, cases);
  registerSuppressionRoutes(app, cases, deps);
  registerIncidentRoutes(app, cases, deps.members === undefined ? {} : { members: deps.members });
  registerNotificationRoutes(app, cases);
  registerRelationshipRoutes(app, cases, deps.audit === undefined ? {} : { audit: deps.audit });
  registerSlaPolicyRoutes(app, {
    store: cases.slaPolicies,
    ...(deps.audit === undefined ? {} : { audit: deps.audit }),
  });
  registerRuleAlertingRoutes(app, cases, {
    ...(deps.audit === undefined ? {} : { audit: deps.audit }),
    ...(deps.requireRule === undefined ? {} : { requireRule: deps.requireRule }),
  });
  if (deps.box !== undefined) {
    await registerAttachmentRoutes(app, cases, {
      box: deps.box,
      maxBytes: deps.attachmentMaxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES,
      ...(deps.audit === undefined ? {} : { audit: deps.audit }),
    });
  }
}
