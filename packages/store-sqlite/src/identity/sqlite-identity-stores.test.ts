import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { identityStoresContract } from '@vigil/testkit';
import type { IdentityStores } from '@vigil/identity';
import { openSqliteConnection } from '../connection/sqlite-connection.ts';
import { openSqliteStorage, SQLITE_FILE_NAME } from '../sqlite-storage.ts';
import { openSqliteIdentityStores } from './sqlite-identity-stores.ts';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

// Each suite gets its own database file; the twin is a second connection to it, as a second process would be.
identityStoresContract('sqlite', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-sqlite-identity-'));
  dirs.push(dataDir);
  const storage = await openSqliteStorage({ dataDir });
  await storage.migrate();
  await storage.close();
  const stores = await openSqliteIdentityStores({ dataDir });
  const twins: { close(): Promise<void> }[] = [];
  return {
    kind: 'sqlite',
    stores,
    twin: async (): Promise<IdentityStores> => {
      const twin = await openSqliteIdentityStores({ dataDir });
      twins.push(twin);
      return twin;
    },
    rawSql: (sql: string) =>
      Promise.resolve().then(() => {
        const db = openSqliteConnection(join(dataDir, SQLITE_FILE_NAME));
        try {
          db.exec(sql);
        } finally {
          db.close();
        }
      }),
    close: async () => {
      for (const twin of twins) await twin.close();
      await stores.close();
    },
  };
});
