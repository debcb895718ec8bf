import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { eventPseudonymisationContract } from '@vigil/testkit';
import { openSqliteStorage } from '../sqlite-storage.ts';
import { openSqliteEventPseudonymiser } from './sqlite-event-pseudonymise.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'vigil-sqlite-pseudonymise-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

// Its own connection, as the server opens it: the rewrite and ingest share the file through WAL.
eventPseudonymisationContract('sqlite', async () => {
  const storage = await openSqliteStorage({ dataDir });
  await storage.migrate();
  return { storage, pseudonymiser: openSqliteEventPseudonymiser({ dataDir }) };
});
