import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { RecordScheduledRuleStore } from '@vigil/cases';
import { scheduledRuleStoreContract } from '@vigil/testkit';
import { openSqliteStorage } from './sqlite-storage.ts';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

// Scheduled rules live in the records table: the contract runs over SQLite's record repository.
scheduledRuleStoreContract('sqlite', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-sqlite-scheduled-'));
  dirs.push(dataDir);
  const storage = await openSqliteStorage({ dataDir });
  await storage.migrate();
  return { store: new RecordScheduledRuleStore(storage.metadata), close: () => storage.close() };
});
