import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import {
  EVENTS_STORE_TOPIC,
  operationalError,
  startEventWriter,
  type Bus,
  type EventWriter,
  type Storage,
} from '@vigil/core';
import type { VigilConfig } from '@vigil/config';
import { buildServer } from './build-server.ts';
import { createLogger } from './logging/create-logger.ts';
import { openMigratedStorage } from './compose/open-storage.ts';
import { openBus } from './compose/open-bus.ts';
import { drainTopic } from './compose/drain-topic.ts';
import { firstRunSetupLink } from './first-run/first-run-setup-link.ts';
import { openIdentity } from './auth/open-identity.ts';
import { startRetentionJob } from './data-spaces/retention-job.ts';
import { startPersonalDataRetentionJob } from './privacy/personal-data-retention-job.ts';
import { createCasesPrivacy } from './privacy/cases-privacy.ts';
import { startWorkspacePurgeJob } from './workspaces/workspace-purge-job.ts';
import { workspaceRowsPurger } from './workspaces/workspace-rows-purger.ts';
import { activeWorkspaceVerifier } from './workspaces/active-workspace-verifier.ts';
import { VIGIL_VERSION } from './version/vigil-version.ts';
import { CommitTracker, machineTokenVerifier, trackCommits } from '@vigil/ingest';
import { createIngestServices } from './ingest/ingest-services.ts';
import { startSyslogListeners, type SyslogListeners } from './ingest/syslog/syslog-listeners.ts';
import { refusedTokenAttribution } from './ingest/syslog/refused-token-attribution.ts';
import { startCloudTrailSource } from './ingest/cloud-trails/start-cloud-trail-source.ts';
import { createCasesRuntime } from './alerts/cases-runtime.ts';
import { openCasesStores } from './alerts/open-cases-stores.ts';
import { startAlertPipeline } from './alerts/alert-pipeline.ts';
import { startAlertStreamPoller } from './alerts/alert-stream-poller.ts';
import { startSlaSweep } from './incidents/sla-sweep.ts';
import { startScheduledRules } from './scheduled-rules/start-scheduled-rules.ts';
import { createDetection } from './detection/create-detection.ts';
import { resolveServerTls, serverUsesTls } from './tls/server-tls.ts';
import { checkBindSafety } from './tls/check-bind-safety.ts';

export interface RunningServer {
  /** Base URL actually bound, without trailing slash: `http://127.0.0.1:8080` (`https://` with TLS). */
  url: string;
  /** Set when serving HTTPS: the certificate in use and, when self-signed, whether this start made it. */
  tls?: { certFile: string; fingerprint256: string; selfSigned: boolean; generated: boolean };
  app: FastifyInstance;
  /** The composed adapters, for in-process producers (listeners) and tests. */
  storage: Storage;
  bus: Bus;
  /** Addresses the syslog listeners bound (port 0 in the config picks free ports). */
  syslog: SyslogListeners['addresses'];
  /** One-time set-up link to print on first run (none until identity exists). */
  setupLink?: string;
  /** Graceful stop: refuse new requests, finish in-flight ones, drain queues, close bus and storage. */
  close(): Promise<void>;
}

export interface StartServerOptions {
  logger?: FastifyBaseLogger;
  version?: string;
  /** The process uid for the root check (default `process.getuid`); tests inject 0. */
  getuid?: () => number | undefined;
}

function listenReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return 'address already in use (another process listens there; pick another --port)';
  if (code === 'EACCES') return 'permission denied (ports below 1024 need privileges; pick another --port)';
  if (code === 'EADDRNOTAVAIL') return 'address not available on this machine (check --host)';
  return (error as Error).message;
}

function formatUrl(address: AddressInfo, tls: boolean): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `${tls ? 'https' : 'http'}://${host}:${address.port}`;
}

/**
 * The composition root of `vigil serve`: storage and bus for the configured mode (embedded: SQLite +
 * in-process bus + the event writer; distributed: PostgreSQL + NATS, the writer runs in `vigil worker`),
 * migrations, then the HTTP server. Whatever was opened is closed again if a later step fails.
 */
export async function startServer(
  config: VigilConfig,
  options: StartServerOptions = {},
): Promise<RunningServer> {
  const { host, port } = config.server;
  const getuid = options.getuid ?? (() => process.getuid?.());
  // DESIGN §7: not as root beyond loopback, and not plain HTTP beyond loopback unless allowed.
  // Checked before the TLS files are read or generated, so a refused start leaves nothing behind.
  checkBindSafety({
    host,
    port,
    tls: serverUsesTls(config),
    allowInsecureHttp: config.server.allowInsecureHttp,
    uid: getuid(),
  });
  const tls = resolveServerTls(config);
  const logger = options.logger ?? createLogger({ level: config.log.level });
  const cleanups: (() => Promise<void>)[] = [];
  const unwind = async () => {
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((err: unknown) => logger.warn({ err }, 'cleanup failed'));
  };
  try {
    const { storage } = await openMigratedStorage(config, logger);
    cleanups.push(() => storage.close());
    const bus = await openBus(config, logger);
    cleanups.push(() => bus.close());
    let writer: EventWriter | undefined;
    // Embedded mode: the in-process queue is memory, so HTTP ingest acknowledges only after the
    // writer's commit (the tracker hears of it); distributed mode: the JetStream ack is durable.
    const commits = config.mode === 'embedded' ? new CommitTracker(config.ingest.commitTimeoutMs) : undefined;
    if (commits) {
      const started = await startEventWriter({ bus, events: trackCommits(storage.events, commits), logger });
      writer = started;
      cleanups.push(async () => {
        const left = await drainTopic(bus, EVENTS_STORE_TOPIC, config.server.shutdownTimeoutMs);
        if (left > 0) logger.warn({ pending: left }, 'shutdown: event queue not drained in time');
        await started.stop();
      });
    }
    const identity = await openIdentity(config, storage, logger);
    cleanups.push(() => identity.close());
    // Retention: every data space of every workspace, hourly (and once at start).
    const retention = startRetentionJob({
      events: storage.events,
      metadata: storage.metadata,
      workspaces: async () => (await identity.runtime.stores.workspaces.list()).map((w) => w.id),
      clock: identity.runtime.clock,
      logger: logger.child({ job: 'retention' }),
    });
    cleanups.push(() => retention.stop());
    // Workspaces whose deletion grace period ended are purged (hourly, and once at start).
    const workspacePurge = startWorkspacePurgeJob({
      rt: identity.runtime,
      events: storage.events,
      logger: logger.child({ job: 'workspace-purge' }),
      extraPurgers: [workspaceRowsPurger(storage, logger.child({ job: 'workspace-purge' }))],
    });
    cleanups.push(() => workspacePurge.stop());
    // Alerts and incidents; embedded mode also runs the alert pipeline here (distributed: vigil worker).
    const casesStores = await openCasesStores(config, logger);
    cleanups.push(() => casesStores.close());
    // Personal data: expired sessions purged, long-disabled accounts anonymised (hourly, and once at start);
    // started once the cases stores are open, because anonymisation pseudonymises cases data too.
    const personalData = startPersonalDataRetentionJob({
      rt: identity.runtime,
      retentionDays: config.privacy.retentionDays,
      logger: logger.child({ job: 'personal-data-retention' }),
      casesPrivacy: createCasesPrivacy(
        () => casesStores,
        async () => (await identity.runtime.stores.workspaces.list()).map((w) => w.id),
      ),
    });
    cleanups.push(() => personalData.stop());
    const cases = createCasesRuntime(casesStores, {
      clock: identity.runtime.clock,
      ids: identity.runtime.ids,
      metadata: storage.metadata,
    });
    if (config.mode === 'embedded') {
      const pipeline = await startAlertPipeline({
        bus,
        cases,
        events: storage.events,
        logger: logger.child({ job: 'alert-pipeline' }),
      });
      cleanups.push(() => pipeline.stop());
    } else {
      // The worker creates the alerts: the live stream reads them from the store.
      const poller = startAlertStreamPoller({ cases, logger: logger.child({ job: 'alert-stream' }) });
      cleanups.push(() => poller.stop());
    }
    // SLA breaches are recorded on incidents every minute (metrics also compute them live).
    const slaSweep = startSlaSweep({
      cases,
      workspaces: async () => (await identity.runtime.stores.workspaces.list()).map((w) => w.id),
      logger: logger.child({ job: 'sla-sweep' }),
    });
    cleanups.push(() => slaSweep.stop());
    // Scheduled query rules: the runner where scheduledRules.runIn says (the ledger's claims keep each
    // interval to one runner), and the hourly retention of their run history.
    const scheduledRules = startScheduledRules({
      config,
      process: 'serve',
      metadata: identity.runtime.metadata,
      search: storage.search,
      cases,
      workspaces: async () => (await identity.runtime.stores.workspaces.list()).map((w) => w.id),
      clock: identity.runtime.clock,
      logger: logger.child({ job: 'scheduled-rules' }),
    });
    cleanups.push(() => scheduledRules.stop());
    // Detection runs inside the ingest pipeline (its detect hook); the rules API shares its stores.
    const detection = createDetection({
      metadata: storage.metadata,
      bus,
      latenessMs: config.detection.latenessSeconds * 1000,
      maxGroupsPerRule: config.detection.maxGroupsPerRule,
      matchThreads: config.detection.matchThreads ?? Math.max(1, availableParallelism() - 1),
      clock: identity.runtime.clock,
      logger,
    });
    // Runs after the HTTP server and listeners stopped (cleanups run in reverse): saves rule counters.
    cleanups.push(() => detection.service.close());
    const ingest = createIngestServices({
      bus,
      config,
      detect: detection.service,
      logger,
      verifier: activeWorkspaceVerifier(
        machineTokenVerifier(identity.runtime.stores.machineTokens, identity.runtime.clock),
        identity.runtime.stores.workspaces,
      ),
      ...(commits ? { commits } : {}),
    });
    const version = options.version ?? VIGIL_VERSION;
    const app = await buildServer({
      ingest,
      config,
      storage,
      bus,
      logger,
      version,
      identity: identity.runtime,
      detection,
      cases,
      ...(writer ? { writer } : {}),
      ...(tls ? { https: { cert: tls.cert, key: tls.key } } : {}),
    });
    cleanups.push(() => app.close());
    try {
      await app.listen({ host, port });
    } catch (cause) {
      throw operationalError('LISTEN_FAILED', `cannot listen (${host}:${port}): ${listenReason(cause)}`, {
        cause,
      });
    }
    // After the HTTP server: cleanups run in reverse, so listeners stop before the queue drains.
    const syslog = await startSyslogListeners(config, ingest, logger, {
      metadata: identity.runtime.metadata,
      workspaces: async () =>
        (await identity.runtime.stores.workspaces.list())
          .filter((w) => w.status === 'active')
          .map((w) => w.id),
      attribute: refusedTokenAttribution(identity.runtime.stores.machineTokens, identity.runtime.clock),
    });
    cleanups.push(() => syslog.close());
    const trails = startCloudTrailSource(config, ingest, storage.metadata, logger);
    cleanups.push(() => trails.close());
    const url = formatUrl(app.server.address() as AddressInfo, tls !== undefined);
    const setupLink = await firstRunSetupLink({ identity: identity.runtime, baseUrl: url });
    logger.info({ url, mode: config.mode, version }, 'server started');
    let closing: Promise<void> | undefined;
    return {
      url,
      app,
      storage,
      bus,
      syslog: syslog.addresses,
      ...(tls
        ? {
            tls: {
              certFile: tls.certFile,
              fingerprint256: tls.fingerprint256,
              selfSigned: tls.selfSigned,
              generated: tls.generated,
            },
          }
        : {}),
      ...(setupLink ? { setupLink } : {}),
      close: () => {
        closing ??= unwind().then(() => logger.info({}, 'server stopped'));
        return closing;
      },
    };
  } catch (err) {
    await unwind();
    throw err;
  }
}
