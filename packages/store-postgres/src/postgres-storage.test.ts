import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { isVigilError } from '@vigil/core';
import type { Storage } from '@vigil/core';
import { DAY, DAY0, makeEvent, pgUrl, skipUnless, storageContract, uniqueWorkspace } from '@vigil/testkit';
import { openPostgresStorage } from './index.ts';

const url = pgUrl();
const skip = skipUnless(url, 'VIGIL_PG_URL');
const schemas: string[] = [];

/** Each run works in its own schemas, dropped at the end, so runs never see each other's data. */
function newSchema(): string {
  const schema = `vigil_test_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  return schema;
}

async function dropSchema(schema: string): Promise<void> {
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

after(async () => {
  for (const schema of schemas) await dropSchema(schema);
});

if (url === undefined) {
  test('postgres storage contract', { skip }, () => {});
} else {
  const pgUrlValue = url;
  const shared = newSchema();
  storageContract('postgres', {
    open: (clock) => openPostgresStorage({ url: pgUrlValue, schema: shared, ...(clock ? { clock } : {}) }),
    freshDatabase: () => {
      const schema = newSchema();
      return Promise.resolve({
        open: (extraMigrations) =>
          openPostgresStorage({ url: pgUrlValue, schema, ...(extraMigrations ? { extraMigrations } : {}) }),
        dispose: () => dropSchema(schema),
      });
    },
  });

  describe('postgres: day partitions', () => {
    test('events land in per-day partitions of the partitioned table; retention drops them', async () => {
      const schema = newSchema();
      const storage = await openPostgresStorage({ url: pgUrlValue, schema });
      const client = new pg.Client({ connectionString: pgUrlValue });
      await client.connect();
      const partitions = async () => {
        const result = await client.query<{ relname: string }>(
          `SELECT c.relname FROM pg_inherits i
           JOIN pg_class c ON c.oid = i.inhrelid
           JOIN pg_class p ON p.oid = i.inhparent
           JOIN pg_namespace n ON n.oid = p.relnamespace
           WHERE p.relname = 'events' AND n.nspname = $1 ORDER BY c.relname`,
          [schema],
        );
        return result.rows.map((r) => r.relname);
      };
      try {
        await storage.migrate();
        const kind = await client.query<{ relkind: string }>(
          `SELECT c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE c.relname = 'events' AND n.nspname = $1`,
          [schema],
        );
        assert.equal(kind.rows[0]?.relkind, 'p', 'events is a partitioned table');
        const ws = uniqueWorkspace();
        const times = [DAY0 + 5, DAY0 + DAY + 5, DAY0 + 2 * DAY + 5, DAY0 + 2 * DAY + 20];
        await storage.events.append(times.map((ts, i) => makeEvent({ workspace: ws, id: `e${i}`, ts })));
        const days = (names: string[]) => names.map((name) => name.slice(0, 15));
        assert.deepEqual(days(await partitions()), ['events_20260301', 'events_20260302', 'events_20260303']);
        // Boundary inside day 2: days 0 and 1 go whole; day 2 keeps its partition and its later row.
        assert.equal(await storage.events.dropBefore({ workspace: ws }, DAY0 + 2 * DAY + 10), 3);
        assert.deepEqual(days(await partitions()), ['events_20260303']);
        assert.equal(await storage.events.count({ workspace: ws, from: DAY0, to: DAY0 + 3 * DAY }), 1);
      } finally {
        await client.end();
        await storage.close();
      }
    });

    test('concurrent appends from two instances into a new day create its partition once', async () => {
      const schema = newSchema();
      const [a, b] = await Promise.all([
        openPostgresStorage({ url: pgUrlValue, schema }),
        openPostgresStorage({ url: pgUrlValue, schema }),
      ]);
      try {
        await a.migrate();
        const ws = uniqueWorkspace();
        const batch = (prefix: string, s: Storage) =>
          s.events.append(
            Array.from({ length: 50 }, (_, i) =>
              makeEvent({ workspace: ws, id: `${prefix}${i}`, ts: DAY0 + i }),
            ),
          );
        const results = await Promise.all([batch('a', a), batch('b', b)]);
        assert.deepEqual(results, [{ appended: 50 }, { appended: 50 }]);
        assert.equal(await b.events.count({ workspace: ws, from: DAY0, to: DAY0 + DAY }), 100);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  });
}

test('postgres: an unreachable server is STORE_UNAVAILABLE naming host:port, never the password', async () => {
  const password = 'pw-never-shown-123';
  await assert.rejects(
    openPostgresStorage({ url: `postgres://vigil:${password}@127.0.0.1:1/vigil` }),
    (error: unknown) => {
      assert.ok(isVigilError(error));
      assert.equal(error.code, 'STORE_UNAVAILABLE');
      assert.equal(error.kind, 'operational');
      assert.ok(error.message.includes('127.0.0.1:1'), error.message);
      assert.ok(!JSON.stringify({ m: error.message, d: error.details }).includes(password));
      return true;
    },
  );
});
