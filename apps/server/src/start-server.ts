import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import {
  EVENTS_STORE_TOPIC,
  operationalError,
  startEventWriter,
  userError,
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
import { VIGIL_VERSION } from './version/vigil-version.ts';

export interface RunningServer {
  /** Base URL actually bound, without trailing slash: `http://127.0.0.1:8080`. */
  url: string;
  app: FastifyInstance;
  /** The composed adapters, for in-process producers (listeners) and tests. */
  storage: Storage;
  bus: Bus;
  /** One-time set-up link to print on first run (none until identity exists). */
  setupLink?: string;
  /** Graceful stop: refuse new requests, finish in-flight ones, drain queues, close bus and storage. */
  close(): Promise<void>;
}

export interface StartServerOptions {
  logger?: FastifyBaseLogger;
  version?: string;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

function listenReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return 'address already in use (another process listens there; pick another --port)';
  if (code === 'EACCES') return 'permission denied (ports below 1024 need privileges; pick another --port)';
  if (code === 'EADDRNOTAVAIL') return 'address not available on this machine (check --host)';
  return (error as Error).message;
}

function formatUrl(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
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
  // DESIGN §7: never expose a root-owned process beyond loopback.
  if (!LOOPBACK.test(host) && process.getuid?.() === 0) {
    throw userError(
      'UNSAFE_BIND',
      `refusing to serve ${host}:${port} as root; run Vigil as an unprivileged user`,
    );
  }
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
    if (config.mode === 'embedded') {
      const started = await startEventWriter({ bus, events: storage.events, logger });
      writer = started;
      cleanups.push(async () => {
        const left = await drainTopic(bus, EVENTS_STORE_TOPIC, config.server.shutdownTimeoutMs);
        if (left > 0) logger.warn({ pending: left }, 'shutdown: event queue not drained in time');
        await started.stop();
      });
    }
    const version = options.version ?? VIGIL_VERSION;
    const app = await buildServer({ config, storage, bus, logger, version, ...(writer ? { writer } : {}) });
    cleanups.push(() => app.close());
    try {
      await app.listen({ host, port });
    } catch (cause) {
      throw operationalError('LISTEN_FAILED', `cannot listen (${host}:${port}): ${listenReason(cause)}`, {
        cause,
      });
    }
    const url = formatUrl(app.server.address() as AddressInfo);
    const setupLink = await firstRunSetupLink({ storage, baseUrl: url });
    logger.info({ url, mode: config.mode, version }, 'server started');
    let closing: Promise<void> | undefined;
    return {
      url,
      app,
      storage,
      bus,
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
