import { test } from 'node:test';
import { RecordScheduledRuleStore } from '@vigil/cases';
import { pgUrl, scheduledRuleStoreContract, skipUnless } from '@vigil/testkit';
import { openPostgresStorage } from './postgres-storage.ts';
import { testSchemas } from './testing/test-schemas.ts';

const url = pgUrl();
const skip = skipUnless(url, 'VIGIL_PG_URL');
const newSchema = testSchemas(url);

if (url === undefined) {
  test('postgres scheduled rule store contract', { skip }, () => {});
} else {
  const pgUrlValue = url;
  // Scheduled rules live in the records table: the contract runs over PostgreSQL's record repository.
  scheduledRuleStoreContract('postgres', async () => {
    const schema = newSchema();
    const storage = await openPostgresStorage({ url: pgUrlValue, schema });
    await storage.migrate();
    return { store: new RecordScheduledRuleStore(storage.metadata), close: () => storage.close() };
  });
}
