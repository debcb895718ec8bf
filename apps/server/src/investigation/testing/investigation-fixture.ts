import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { ManualClock, sequentialIds, type Storage, type VigilEvent } from '@vigil/core';
import { memoryIdentityStores } from '@vigil/identity';
import { loadConfig } from '@vigil/config';
import { openSqliteStorage } from '@vigil/store-sqlite';
import { openPostgresStorage } from '@vigil/store-postgres';
import pg from 'pg';
import { pgUrl } from '@vigil/testkit';
import { buildServer } from '../../build-server.ts';
import { createLogger } from '../../logging/create-logger.ts';
import { fakeBus } from '../../testing/fake-runtime.ts';
import { memoryIdentityRuntime, TEST_PASSWORD_PARAMS } from '../../auth/memory-identity-runtime.ts';
import { addUser, login, type Session } from '../../auth/testing/auth-fixture.ts';
import { createCasesRuntime, memoryCasesStores, type CasesRuntime } from '../../alerts/cases-runtime.ts';

export const PASSWORD = 'Corr3ct-Horse-Battery';
export const WS = 'ws-a';
/** Event times of the fixture: 2026-06-01 10:00 UTC + minutes. */
export const T0 = Date.UTC(2026, 5, 1, 10, 0, 0);

export interface InvestigationFixture {
  app: FastifyInstance;
  cases: CasesRuntime;
  storage: Storage;
  clock: ManualClock;
  /** Analyst of ws-a. */
  analyst: Session;
  /** Analyst of ws-b. */
  outsider: Session;
  close(): Promise<void>;
}

/** Real event storage: SQLite in a temporary directory, or PostgreSQL in a schema of its own. */
export async function openTestStorage(
  kind: 'sqlite' | 'postgres',
): Promise<{ storage: Storage; cleanup: () => Promise<void> }> {
  if (kind === 'postgres') {
    const schema = `investigation_${randomBytes(4).toString('hex')}`;
    const storage = await openPostgresStorage({ url: pgUrl() ?? '', schema });
    // Leave the shared test database as found.
    const cleanup = async () => {
      const client = new pg.Client({ connectionString: pgUrl() ?? '' });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    };
    return { storage, cleanup };
  }
  const dir = mkdtempSync(join(tmpdir(), 'vigil-investigation-'));
  return {
    storage: await openSqliteStorage({ dataDir: dir }),
    cleanup: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

/** A server over real event storage and in-memory cases. */
export async function investigationFixture(
  kind: 'sqlite' | 'postgres' = 'sqlite',
): Promise<InvestigationFixture> {
  const { storage, cleanup } = await openTestStorage(kind);
  await storage.migrate();
  const clock = new ManualClock(T0 + 3_600_000);
  const rt = await memoryIdentityRuntime({
    clock,
    stores: memoryIdentityStores(),
    passwordParams: TEST_PASSWORD_PARAMS,
  });
  const cases = createCasesRuntime(memoryCasesStores(), { clock, ids: sequentialIds('c') });
  const config = loadConfig({ env: { VIGIL_WEB_DIST_DIR: '/nonexistent/dist', VIGIL_LOG_LEVEL: 'warn' } });
  const app = await buildServer({
    config,
    storage,
    bus: fakeBus(),
    logger: createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, cb) => cb() }) }),
    version: '0.1.0-test',
    identity: rt,
    cases,
  });
  await app.ready();
  await addUser(rt, 'ana', PASSWORD, [['analyst', WS]]);
  await addUser(rt, 'otto', PASSWORD, [['analyst', 'ws-b']]);
  return {
    app,
    cases,
    storage,
    clock,
    analyst: await login(app, 'ana', PASSWORD),
    outsider: await login(app, 'otto', PASSWORD),
    async close() {
      await app.close();
      await storage.close();
      await cleanup();
    },
  };
}

/** A stored event `minutes` after T0 in a workspace. */
export function storedEvent(
  id: string,
  minutes: number,
  fields: Record<string, unknown>,
  workspace = WS,
): VigilEvent {
  const at = new Date(T0 + minutes * 60_000).toISOString();
  return { '@timestamp': at, ...fields, vigil: { id, workspace, data_space: 'default', received_at: at } };
}
