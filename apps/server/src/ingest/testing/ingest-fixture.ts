import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import {
  createInProcessBus,
  silentLogger,
  startEventWriter,
  type MeteredBus,
  type Storage,
  type VigilEvent,
} from '@vigil/core';
import { loadConfig, type VigilConfig } from '@vigil/config';
import { issueMachineToken } from '@vigil/identity';
import { CommitTracker, machineTokenVerifier, trackCommits } from '@vigil/ingest';
import { openSqliteStorage } from '@vigil/store-sqlite';
import { registerTestSecret } from '@vigil/testkit';
import { buildServer } from '../../build-server.ts';
import { createLogger } from '../../logging/create-logger.ts';
import { memoryIdentityRuntime, TEST_PASSWORD_PARAMS } from '../../auth/memory-identity-runtime.ts';
import type { IdentityRuntime } from '../../auth/identity-runtime.ts';
import { createIngestServices, type IngestServices } from '../ingest-services.ts';
import { registerIssuedSecrets } from '../../testing/register-issued-secrets.ts';
import { testLogSink } from '../../testing/test-log-sink.ts';

export interface IngestFixture {
  app: FastifyInstance;
  storage: Storage;
  bus: MeteredBus;
  rt: IdentityRuntime;
  ingest: IngestServices;
  config: VigilConfig;
  /** Ingest tokens: `a` → ws-a/default ("shipper"), `b` → ws-b/default ("other"). */
  tokens: { a: string; b: string };
  /** Log lines written so far (level debug). */
  logs: string[];
  /** Every stored event of a workspace, oldest first. */
  stored(workspace?: string): Promise<VigilEvent[]>;
  close(): Promise<void>;
}

export const quietLogger = createLogger({
  level: 'silent',
  destination: new Writable({ write: (_c, _e, cb) => cb() }),
});

/** The real pipeline end to end: buildServer + in-process bus + event writer + SQLite in a temp dir. */
export async function ingestFixture(
  options: { capacity?: number; writer?: boolean; env?: Record<string, string> } = {},
): Promise<IngestFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-ingest-'));
  const config = loadConfig({
    env: { VIGIL_DATA_DIR: dataDir, VIGIL_WEB_DIST_DIR: '/nonexistent/dist', ...options.env },
  });
  const storage = await openSqliteStorage({ dataDir, logger: silentLogger });
  await storage.migrate();
  const bus = createInProcessBus({ capacity: options.capacity ?? 1024 });
  const commits = new CommitTracker(config.ingest.commitTimeoutMs);
  const writer =
    options.writer === false
      ? undefined
      : await startEventWriter({ bus, events: trackCommits(storage.events, commits), logger: silentLogger });
  const rt = await memoryIdentityRuntime({ passwordParams: TEST_PASSWORD_PARAMS });
  const issue = async (workspaceId: string, name: string) => {
    const { token, record } = issueMachineToken({
      kind: 'ingest',
      name,
      workspaceId,
      dataSpace: 'default',
      createdBy: 'test',
      createdAt: Date.now(),
    });
    await rt.stores.machineTokens.create(record);
    registerTestSecret('ingest token', token);
    return token;
  };
  const tokens = { a: await issue('ws-a', 'shipper'), b: await issue('ws-b', 'other') };
  const ingest = createIngestServices({
    bus,
    config,
    verifier: machineTokenVerifier(rt.stores.machineTokens),
    commits,
  });
  const logs: string[] = [];
  const scan = testLogSink('ingest-server');
  const logger = createLogger({
    level: 'debug',
    destination: new Writable({
      write: (chunk: Buffer, _e, cb) => {
        logs.push(chunk.toString());
        scan(chunk.toString());
        cb();
      },
    }),
  });
  const app = await buildServer({
    config,
    storage,
    bus,
    logger,
    version: '0.0.0-test',
    identity: rt,
    ingest,
    ...(writer ? { writer } : {}),
  });
  registerIssuedSecrets(app);
  await app.ready();
  return {
    app,
    storage,
    bus,
    rt,
    ingest,
    config,
    tokens,
    logs,
    stored: async (workspace = 'ws-a') =>
      (
        await storage.events.query({
          workspace,
          from: 0,
          to: Date.UTC(9000, 0, 1),
          limit: 10_000,
          order: 'asc',
        })
      ).events,
    close: async () => {
      await app.close();
      await writer?.stop();
      await bus.close();
      await storage.close();
    },
  };
}
