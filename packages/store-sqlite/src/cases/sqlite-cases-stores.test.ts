import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { casesStoresContract } from '@vigil/testkit';
import { openSqliteStorage } from '../sqlite-storage.ts';
import { openSqliteCasesStores } from './sqlite-cases-stores.ts';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

casesStoresContract('sqlite', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-sqlite-cases-'));
  dirs.push(dataDir);
  const storage = await openSqliteStorage({ dataDir });
  await storage.migrate();
  await storage.close();
  const stores = await openSqliteCasesStores({ dataDir });
  return { kind: 'sqlite', ...stores };
});
