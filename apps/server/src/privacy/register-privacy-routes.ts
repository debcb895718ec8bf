import type { FastifyInstance } from 'fastify';
import type { PrivacySettings } from '@vigil/identity';
import type { IdentityRuntime } from '../auth/identity-runtime.ts';
import { registerPersonalDataRoutes } from './personal-data.routes.ts';
import type { CasesPrivacy } from './cases-privacy.ts';
import { registerEventPseudonymisationRoutes } from './event-pseudonymisation.routes.ts';
import type { OpenEventPseudonymiser } from './open-event-pseudonymiser.ts';
import { registerPrivacyStatementRoutes } from './privacy.routes.ts';
import { registerProfilingAcknowledgementRoutes } from './profiling-acknowledgement.routes.ts';

/** Privacy (DESIGN §7): statement, inventory, the signed-in user's data-subject rights, profiling consent. */
export function registerPrivacyRoutes(
  app: FastifyInstance,
  rt: IdentityRuntime,
  settings: PrivacySettings,
  casesPrivacy?: CasesPrivacy,
  openEventPseudonymiser?: OpenEventPseudonymiser,
): void {
  registerPrivacyStatementRoutes(app, settings);
  registerPersonalDataRoutes(app, rt, casesPrivacy);
  registerProfilingAcknowledgementRoutes(app, rt);
  if (openEventPseudonymiser) registerEventPseudonymisationRoutes(app, rt, openEventPseudonymiser);
}
