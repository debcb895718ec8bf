import { join } from 'node:path';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import cookie from '@fastify/cookie';
import { EVENTS_STORE_TOPIC, type Bus, type EventWriter, type Storage } from '@vigil/core';
import type { VigilConfig } from '@vigil/config';
import { requestIdFor } from './http/request-id.ts';
import { registerErrorHandling } from './http/register-error-handling.ts';
import { coerceQuerystringHook } from './http/coerce-querystring.ts';
import { installRouteCatalog } from './openapi/route-catalog.ts';
import { registerOpenApiRoute } from './openapi/openapi.routes.ts';
import { registerHealthRoutes } from './health/health.routes.ts';
import { registerVersionRoutes } from './version/version.routes.ts';
import { HttpMetrics } from './metrics/http-metrics.ts';
import { registerMetricsRoute } from './metrics/metrics.routes.ts';
import { registerConsoleRoutes } from './console/console.routes.ts';
import type { IdentityRuntime } from './auth/identity-runtime.ts';
import { memoryIdentityRuntime } from './auth/memory-identity-runtime.ts';
import { registerAuthentication } from './auth/register-authentication.ts';
import { registerIdentityRoutes } from './auth/register-identity-routes.ts';
import { registerPrivacyRoutes } from './privacy/register-privacy-routes.ts';
import { createCasesPrivacy } from './privacy/cases-privacy.ts';
import { eventPseudonymiserOpener } from './privacy/open-event-pseudonymiser.ts';
import { registerSearchRoutes } from './search/search.routes.ts';
import { registerSavedQueryRoutes } from './search/saved-queries.routes.ts';
import { registerScheduledRuleRoutes } from './scheduled-rules/scheduled-rules.routes.ts';
import { simulationLimits } from './scheduled-rules/scheduled-rules-settings.ts';
import { RecordScheduledRuleStore } from '@vigil/cases';
import { registerDataSpaceRoutes } from './data-spaces/data-spaces.routes.ts';
import { createIngestServices, type IngestServices } from './ingest/ingest-services.ts';
import { registerIngestRoutes } from './ingest/register-ingest-routes.ts';
import { registerSyslogSourceRoutes } from './ingest/syslog/syslog-sources.routes.ts';
import { registerSyslogListenersRoute } from './ingest/syslog/syslog-listeners.routes.ts';
import { ingestMetricFamilies } from './ingest/stats/ingest-metrics.ts';
import { machineTokenVerifier } from '@vigil/ingest';
import { activeWorkspaceVerifier } from './workspaces/active-workspace-verifier.ts';
import { createCasesRuntime, memoryCasesStores, type CasesRuntime } from './alerts/cases-runtime.ts';
import { registerCasesRoutes } from './alerts/register-cases-routes.ts';
import { registerInvestigationRoutes } from './investigation/investigation.routes.ts';
import { workspaceMembers } from './incidents/workspace-members.ts';
import { registerOverviewRoutes } from './overview/register-overview-routes.ts';
import { createDetection, type DetectionRuntime } from './detection/create-detection.ts';
import { registerRuleRoutes } from './rules/rules.routes.ts';
import { registerCoverageRoutes } from './coverage/coverage.routes.ts';
import { AttackMatrixStore } from './coverage/attack-matrix-store.ts';
import { detectionMetricFamilies } from './detection/detection-metrics.ts';
import { serverUsesTls } from './tls/server-tls.ts';

export interface BuildServerOptions {
  config: VigilConfig;
  storage: Storage;
  bus: Bus;
  /** A pino logger (see createLogger). */
  logger: FastifyBaseLogger;
  version: string;
  /** The embedded event writer, for the events-stored metrics. */
  writer?: EventWriter;
  /**
   * Accounts, sessions, audit (see auth/). Without it the server gets an empty in-memory identity:
   * nobody can sign in, so every protected route refuses.
   */
  identity?: IdentityRuntime;
  /** The ingest pipeline, counters and token checks (startServer shares them with the syslog listeners). */
  ingest?: IngestServices;
  /** Rule store and detection stage (startServer shares them with the ingest pipeline's detect hook). */
  detection?: DetectionRuntime;
  /** Alerts and incidents (startServer shares them with the alert pipeline); default in-memory. */
  cases?: CasesRuntime;
  /** Serve HTTPS with this certificate and key (startServer resolves them from `server.tls.*`). */
  https?: { cert: Buffer; key: Buffer };
  /** Registers more routes inside the app (feature modules; tests add failing routes). */
  routes?: (app: FastifyInstance) => Promise<void> | void;
}

/** Where the console is built by `npm run build:web`, relative to this file. */
export const DEFAULT_WEB_DIST_DIR = join(import.meta.dirname, '../../web/dist');

/**
 * Builds the HTTP application (not listening: `startServer` listens, tests use `inject`).
 * Order matters: the route catalog must see every route, so it is installed first.
 */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const { config } = options;
  const tls = options.https !== undefined || serverUsesTls(config);
  // HTTPS when startServer resolved a certificate (server.tls.*); TLS 1.0/1.1 are refused.
  const app = Fastify({
    ...(options.https ? { https: { ...options.https, minVersion: 'TLSv1.2' as const } } : {}),
    loggerInstance: options.logger,
    bodyLimit: config.server.bodyLimitBytes,
    genReqId: requestIdFor,
    // The access log line is written by the onResponse hook below, once, with the route and status.
    logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: true }),
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
  });
  const routes = installRouteCatalog(app);
  registerErrorHandling(app);
  const identity = options.identity ?? (await memoryIdentityRuntime({ tls }));
  // Before the authentication gate: its hook answers 401/403 itself, and those answers need the headers too.
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Same answer as frame-ancestors 'none' for browsers that only know the older header.
    xFrameOptions: { action: 'deny' },
    // HSTS only means something over TLS; on plain loopback HTTP it would pin browsers to https.
    strictTransportSecurity: tls,
  });
  await app.register(cookie);
  // Before any route: the gate covers every route registered after it, feature modules included.
  registerAuthentication(app, identity);

  const detection =
    options.detection ??
    createDetection({
      metadata: identity.metadata,
      bus: options.bus,
      clock: identity.clock,
      logger: options.logger,
    });
  // Ingest tokens are machine tokens of the identity stores (SQL-backed under startServer).
  const ingest =
    options.ingest ??
    createIngestServices({
      bus: options.bus,
      config,
      verifier: activeWorkspaceVerifier(
        machineTokenVerifier(identity.stores.machineTokens, identity.clock),
        identity.stores.workspaces,
      ),
      detect: detection.service,
    });

  const http = new HttpMetrics();
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Querystrings are text: numbers/booleans their schema declares are coerced; bodies stay strict.
  app.addHook('preValidation', coerceQuerystringHook);
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    http.record(request.method, route, reply.statusCode);
    request.log.info(
      { req: request, status: reply.statusCode, route, ms: Math.round(reply.elapsedTime) },
      'request completed',
    );
  });

  registerHealthRoutes(app, options);
  registerVersionRoutes(app, { version: options.version, mode: config.mode });
  registerMetricsRoute(app, {
    bus: options.bus,
    topics: [EVENTS_STORE_TOPIC],
    version: options.version,
    mode: config.mode,
    http,
    metricsToken: config.server.metricsToken,
    collectors: [() => ingestMetricFamilies(ingest), () => detectionMetricFamilies(detection.service)],
    ...(options.writer ? { writer: options.writer } : {}),
  });
  registerOpenApiRoute(app, routes, options.version);
  registerIdentityRoutes(app, identity);
  registerPrivacyRoutes(
    app,
    identity,
    config.privacy,
    // Called per request, by when `cases` (set up below) exists.
    createCasesPrivacy(
      () => cases,
      async () => (await identity.stores.workspaces.list()).map((w) => w.id),
    ),
    eventPseudonymiserOpener(config, options.logger),
  );
  registerSearchRoutes(app, { storage: options.storage, clock: identity.clock, audit: identity.audit });
  registerSavedQueryRoutes(app, identity.metadata, identity.audit);
  registerScheduledRuleRoutes(app, {
    store: new RecordScheduledRuleStore(identity.metadata),
    storage: options.storage,
    clock: identity.clock,
    audit: identity.audit,
    simulation: simulationLimits(config),
  });
  registerDataSpaceRoutes(app, identity.metadata, identity.audit, options.storage.events);
  await registerIngestRoutes(app, ingest, config.server.bodyLimitBytes);
  registerSyslogSourceRoutes(app, {
    metadata: identity.metadata,
    audit: identity.audit,
    runtime: ingest.syslog,
    workspaces: async () => (await identity.stores.workspaces.list()).map((w) => w.id),
  });
  registerSyslogListenersRoute(app, config, ingest);
  await registerRuleRoutes(app, {
    rules: detection.rules,
    exceptions: detection.exceptions,
    detection: detection.service,
    events: options.storage.events,
    audit: identity.audit,
  });
  await registerCoverageRoutes(app, {
    matrices: new AttackMatrixStore(detection.rules.metadata),
    rules: detection.rules,
    metadata: detection.rules.metadata,
    dataSeen: detection.dataSeen,
    detection: detection.service,
    clock: identity.clock,
    audit: identity.audit,
  });
  const cases =
    options.cases ?? createCasesRuntime(memoryCasesStores(), { clock: identity.clock, ids: identity.ids });
  await registerCasesRoutes(app, cases, {
    audit: identity.audit,
    box: identity.box,
    attachmentMaxBytes: config.cases.attachmentMaxBytes,
    requireRule: async (workspace, ruleId) => {
      await detection.rules.get(workspace, ruleId);
    },
    members: workspaceMembers(identity),
  });
  registerInvestigationRoutes(app, { cases, events: options.storage.events });
  registerOverviewRoutes(app, {
    sources: {
      alerts: cases.alerts,
      incidents: cases.incidents,
      rules: detection.rules,
      ingest: ingest.stats,
    },
    metadata: identity.metadata,
    workspaces: identity.stores.workspaces,
    audit: identity.audit,
    clock: identity.clock,
  });
  if (options.routes) await options.routes(app);
  await registerConsoleRoutes(app, config.server.webDistDir ?? DEFAULT_WEB_DIST_DIR);
  return app;
}
