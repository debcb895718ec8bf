import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Bus, Storage } from '@vigil/core';
import { loadConfig, type VigilConfig } from '@vigil/config';
import { buildServer, type BuildServerOptions } from '../build-server.ts';
import { createLogger } from '../logging/create-logger.ts';
import { registerIssuedSecrets } from './register-issued-secrets.ts';
import { testLogSink } from './test-log-sink.ts';

/** A Storage whose ping can be made to fail; nothing else is used by the platform routes. */
export function fakeStorage(ping: () => Promise<void> = () => Promise.resolve()): Storage {
  return {
    kind: 'sqlite',
    events: {} as Storage['events'],
    metadata: {} as Storage['metadata'],
    migrate: () => Promise.resolve({ applied: [], current: 1 }),
    ping,
    close: () => Promise.resolve(),
  };
}

export function fakeBus(ping: () => Promise<void> = () => Promise.resolve()): Bus {
  return {
    publish: () => Promise.resolve(),
    subscribe: () => Promise.resolve({ stop: () => Promise.resolve(), abort: () => Promise.resolve() }),
    pressure: () => Promise.resolve({ pending: 3, capacity: 1024, full: false }),
    ping,
    close: () => Promise.resolve(),
    stats: () => [
      {
        topic: 'events.store',
        published: 5,
        rejected: 1,
        delivered: 4,
        redelivered: 0,
        acked: 4,
        deadLettered: 0,
      },
    ],
  };
}

export interface TestServer {
  app: FastifyInstance;
  /** Every log line written so far. */
  logs: string[];
}

/** Builds the app over fakes with a captured log; `env` feeds the config loader. */
export async function testServer(
  overrides: Partial<BuildServerOptions> & { env?: Record<string, string> } = {},
): Promise<TestServer> {
  const logs: string[] = [];
  const scan = testLogSink('test-server');
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString());
      scan(chunk.toString());
      callback();
    },
  });
  const config: VigilConfig =
    overrides.config ??
    loadConfig({
      env: { VIGIL_WEB_DIST_DIR: '/nonexistent/dist', VIGIL_LOG_LEVEL: 'debug', ...overrides.env },
    });
  const app = await buildServer({
    config,
    storage: overrides.storage ?? fakeStorage(),
    bus: overrides.bus ?? fakeBus(),
    logger: createLogger({ level: config.log.level, destination }),
    version: '0.1.0-test',
    ...(overrides.routes ? { routes: overrides.routes } : {}),
    ...(overrides.writer ? { writer: overrides.writer } : {}),
    ...(overrides.identity ? { identity: overrides.identity } : {}),
  });
  registerIssuedSecrets(app);
  await app.ready();
  return { app, logs };
}
