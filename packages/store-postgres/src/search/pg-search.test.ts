import { randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import pg from 'pg';
import { parseQuery } from '@vigil/query';
import {
  DAY,
  DAY0,
  makeEvent,
  pgUrl,
  rejectsWith,
  searchContract,
  skipUnless,
  uniqueWorkspace,
} from '@vigil/testkit';
import { openPostgresStorage } from '../postgres-storage.ts';

const url = pgUrl();
const schema = `vigil_test_${randomBytes(6).toString('hex')}`;

if (url === undefined) {
  test('postgres search contract', { skip: skipUnless(url, 'VIGIL_PG_URL') }, () => {});
} else {
  const connectionString = url;
  after(async () => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await client.end();
    }
  });
  searchContract('postgres', () => openPostgresStorage({ url: connectionString, schema }));

  test('a search past its statement_timeout is aborted with QUERY_TIMEOUT', async () => {
    const storage = await openPostgresStorage({ url: connectionString, schema });
    await storage.migrate();
    const ws = uniqueWorkspace('timeout');
    const events = Array.from({ length: 20_000 }, (_, i) =>
      makeEvent({
        workspace: ws,
        id: `t${i}`,
        ts: DAY0 + i * 1000,
        fields: { message: `line ${i}`, raw: { a: [`x${i}`] } },
      }),
    );
    await storage.events.append(events);
    const search = storage.search;
    assert.ok(search);
    const plan = parseQuery('l*e OR x9*9 | stats count()').plan;
    assert.ok(plan);
    const request = { workspace: ws, from: DAY0, to: DAY0 + DAY, plan, limit: 10, now: DAY0 };
    await rejectsWith(search.search({ ...request, timeoutMs: 1 }), 'QUERY_TIMEOUT', 'user');
    assert.deepEqual((await search.search({ ...request, timeoutMs: 60_000 })).rows, [{ 'count()': 20_000 }]);
    await storage.close();
  });
}
