import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ManualClock, type Storage, type VigilEvent } from '@vigil/core';
import { openSqliteStorage } from '@vigil/store-sqlite';
import { openPostgresStorage } from '@vigil/store-postgres';
import pg from 'pg';
import { pgUrl } from '@vigil/testkit';
import { addUser, login, type Session } from '../../auth/testing/auth-fixture.ts';
import type { CasesRuntime } from '../../alerts/cases-runtime.ts';
import { casesServer } from '../../alerts/testing/cases-server.ts';

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
  const { app, identity: rt, cases } = await casesServer({ clock, storage });
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
