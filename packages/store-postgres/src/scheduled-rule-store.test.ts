import { randomBytes } from 'node:crypto';
import { after, test } from 'node:test';
import pg from 'pg';
import { RecordScheduledRuleStore } from '@vigil/cases';
import { pgUrl, scheduledRuleStoreContract, skipUnless } from '@vigil/testkit';
import { openPostgresStorage } from './postgres-storage.ts';

const url = pgUrl();
const skip = skipUnless(url, 'VIGIL_PG_URL');
const schemas: string[] = [];

after(async () => {
  if (url === undefined || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
});

if (url === undefined) {
  test('postgres scheduled rule store contract', { skip }, () => {});
} else {
  const pgUrlValue = url;
  // Scheduled rules live in the records table: the contract runs over PostgreSQL's record repository.
  scheduledRuleStoreContract('postgres', async () => {
    const schema = `vigil_test_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    const storage = await openPostgresStorage({ url: pgUrlValue, schema });
    await storage.migrate();
    return { store: new RecordScheduledRuleStore(storage.metadata), close: () => storage.close() };
  });
}
