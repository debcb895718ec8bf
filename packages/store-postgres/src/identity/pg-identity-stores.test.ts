import { randomBytes } from 'node:crypto';
import { after, test } from 'node:test';
import pg from 'pg';
import { identityStoresContract, pgUrl, skipUnless } from '@vigil/testkit';
import type { IdentityStores } from '@vigil/identity';
import { openPostgresStorage } from '../postgres-storage.ts';
import { openPostgresIdentityStores } from './pg-identity-stores.ts';

const url = pgUrl();
const skip = skipUnless(url, 'VIGIL_PG_URL');
const schemas: string[] = [];

async function onClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

after(async () => {
  for (const schema of schemas) await onClient((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
});

if (url === undefined) {
  test('postgres identity stores contract', { skip }, () => {});
} else {
  const pgUrlValue = url;
  // Each suite gets its own schema; the twin is a second pool, as a second instance of Vigil would be.
  identityStoresContract('postgres', async () => {
    const schema = `vigil_test_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    const storage = await openPostgresStorage({ url: pgUrlValue, schema });
    await storage.migrate();
    await storage.close();
    const stores = await openPostgresIdentityStores({ url: pgUrlValue, schema });
    const twins: { close(): Promise<void> }[] = [];
    return {
      kind: 'postgres',
      stores,
      twin: async (): Promise<IdentityStores> => {
        const twin = await openPostgresIdentityStores({ url: pgUrlValue, schema });
        twins.push(twin);
        return twin;
      },
      rawSql: async (sql: string) => {
        await onClient(async (c) => {
          await c.query(`SET search_path = "${schema}"`);
          await c.query(sql);
        });
      },
      close: async () => {
        for (const twin of twins) await twin.close();
        await stores.close();
      },
    };
  });
}
