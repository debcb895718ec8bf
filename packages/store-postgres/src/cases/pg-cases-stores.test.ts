import { test } from 'node:test';
import { casesStoresContract, pgUrl, skipUnless } from '@vigil/testkit';
import { openPostgresStorage } from '../postgres-storage.ts';
import { openPostgresCasesStores } from './pg-cases-stores.ts';
import { testSchemas } from '../testing/test-schemas.ts';

const url = pgUrl();
const skip = skipUnless(url, 'VIGIL_PG_URL');
const newSchema = testSchemas(url);

if (url === undefined) {
  test('postgres cases stores contract', { skip }, () => {});
} else {
  const pgUrlValue = url;
  casesStoresContract('postgres', async () => {
    const schema = newSchema();
    const storage = await openPostgresStorage({ url: pgUrlValue, schema });
    await storage.migrate();
    await storage.close();
    const stores = await openPostgresCasesStores({ url: pgUrlValue, schema });
    return { kind: 'postgres', ...stores };
  });
}
