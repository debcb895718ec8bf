import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { silentLogger, systemClock } from '@vigil/core';
import type { Storage } from '@vigil/core';
import {
  DAY,
  DAY0,
  makeEvent,
  pgUrl,
  searchContract,
  skipUnless,
  storageContract,
  uniqueWorkspace,
} from '@vigil/testkit';
import { createPool } from '../connection/pg-pool.ts';
import { postgresMigrations } from '../migrations/pg-migration-list.ts';
import { migratePostgres } from '../migrations/pg-migrator.ts';
import { openPostgresStorage } from '../postgres-storage.ts';

// Superusers and BYPASSRLS roles ignore row-level security: every proof here runs as an ordinary role
// that owns its schema (it runs the migrations), so only FORCE binds it.
const url = pgUrl();
const skip = skipUnless(url, 'VIGIL_PG_URL');
const cleanups: (() => Promise<void>)[] = [];
const hex = () => randomBytes(6).toString('hex');

after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function onClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** GRANT … ON DATABASE rewrites one catalogue row that parallel test files also rewrite: retry. */
async function retryConcurrentUpdate(work: () => Promise<unknown>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await work();
      return;
    } catch (error) {
      if (attempt >= 20 || !/tuple concurrently updated/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 50));
    }
  }
}

/** A LOGIN role without SUPERUSER/BYPASSRLS that may create schemas; dropped (with its objects) at the end. */
async function ordinaryRole(adminUrl: string): Promise<string> {
  const role = `vigil_rls_${hex()}`;
  const password = randomBytes(18).toString('base64url');
  const database = await onClient(adminUrl, async (c) => {
    const db = (await c.query<{ db: string }>('SELECT current_database() AS db')).rows[0]?.db ?? '';
    await c.query(`CREATE ROLE "${role}" LOGIN PASSWORD '${password}' NOSUPERUSER NOBYPASSRLS`);
    await retryConcurrentUpdate(() => c.query(`GRANT CREATE ON DATABASE "${db}" TO "${role}"`));
    return db;
  });
  cleanups.push(() =>
    onClient(adminUrl, async (c) => {
      await c.query(`DROP OWNED BY "${role}" CASCADE`);
      await retryConcurrentUpdate(() => c.query(`REVOKE CREATE ON DATABASE "${database}" FROM "${role}"`));
      await c.query(`DROP ROLE IF EXISTS "${role}"`);
    }),
  );
  const roleUrl = new URL(adminUrl);
  roleUrl.username = role;
  roleUrl.password = password;
  return roleUrl.toString();
}

function newSchema(adminUrl: string): string {
  const schema = `vigil_test_${hex()}`;
  cleanups.push(() =>
    onClient(adminUrl, (c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).then(() => undefined),
  );
  return schema;
}

if (url === undefined) {
  test('postgres forced row-level security on events and records', { skip }, () => {});
} else {
  const adminUrl = url;
  let roleUrl: string | undefined;
  const roleUrlOnce = async () => (roleUrl ??= await ordinaryRole(adminUrl));
  const shared = newSchema(adminUrl);

  // The whole storage and search contracts, with the stores connected as the walled-in owner role.
  storageContract('postgres as an ordinary owner role (RLS forced)', {
    open: async (clock) =>
      openPostgresStorage({ url: await roleUrlOnce(), schema: shared, ...(clock ? { clock } : {}) }),
    freshDatabase: async () => {
      const schema = newSchema(adminUrl);
      const connectionString = await roleUrlOnce();
      return {
        open: (extraMigrations) =>
          openPostgresStorage({
            url: connectionString,
            schema,
            ...(extraMigrations ? { extraMigrations } : {}),
          }),
        dispose: async () => {
          await onClient(adminUrl, (c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
        },
      };
    },
  });
  searchContract('postgres as an ordinary owner role (RLS forced)', async () =>
    openPostgresStorage({ url: await roleUrlOnce(), schema: newSchema(adminUrl) }),
  );

  describe('postgres RLS forced: hand-written SQL as the owner role sees one workspace only', () => {
    const schema = newSchema(adminUrl);
    const a = uniqueWorkspace('a');
    const b = uniqueWorkspace('b');
    let ownerUrl = '';
    /** Partition name → the workspace whose rows it holds. */
    const partitionOwner = new Map<string, string>();

    before(async () => {
      ownerUrl = await roleUrlOnce();
      const storage: Storage = await openPostgresStorage({ url: ownerUrl, schema });
      try {
        await storage.migrate();
        for (const ws of [a, b]) {
          await storage.events.append([
            makeEvent({ workspace: ws, id: 'e1', ts: DAY0 + 1 }),
            makeEvent({ workspace: ws, id: 'e2', ts: DAY0 + DAY + 1 }),
            makeEvent({ workspace: ws, dataSpace: 'other', id: 'e3', ts: DAY0 + 2 }),
          ]);
          await storage.metadata.repository<{ t: string }>('rule').create(ws, 'r1', { t: ws });
        }
      } finally {
        await storage.close();
      }
      // Read as the superuser (RLS does not apply), to know what each workspace owns.
      await onClient(adminUrl, async (c) => {
        const rows = await c.query<{ table_name: string; workspace: string }>(
          `SELECT p.table_name, s.workspace FROM "${schema}".event_partitions p
           JOIN "${schema}".event_spaces s USING (space_id)`,
        );
        for (const r of rows.rows) partitionOwner.set(r.table_name, r.workspace);
      });
      assert.equal(partitionOwner.size, 6);
    });

    /** Runs `work` as the owner role in a rolled-back transaction with the given settings. */
    function asOwner<T>(
      settings: { scope?: string; workspace?: string },
      work: (c: pg.Client) => Promise<T>,
    ) {
      return onClient(ownerUrl, async (c) => {
        await c.query('BEGIN');
        try {
          await c.query(`SET LOCAL search_path = "${schema}"`);
          await c.query(
            "SELECT set_config('vigil.scope', $1, true), set_config('vigil.workspace', $2, true)",
            [settings.scope ?? '', settings.workspace ?? ''],
          );
          return await work(c);
        } finally {
          await c.query('ROLLBACK');
        }
      });
    }

    const workspacesIn = (c: pg.Client, sql: string) =>
      c.query<{ ws: string | null }>(sql).then((r) => [...new Set(r.rows.map((row) => row.ws))].sort());
    const countIn = async (c: pg.Client, table: string) =>
      Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0]?.n);

    const TABLES = {
      events: "SELECT doc->'vigil'->>'workspace' AS ws FROM events",
      event_spaces: 'SELECT workspace AS ws FROM event_spaces',
      records: 'SELECT workspace AS ws FROM records',
    };

    test('the owner role is ordinary and owns the tables (only FORCE can bind it)', async () => {
      await asOwner({}, async (c) => {
        const flags = await c.query(
          'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user',
        );
        assert.deepEqual(flags.rows, [{ rolsuper: false, rolbypassrls: false }]);
        const owner = await c.query<{ owner: string }>(
          "SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE oid = 'events'::regclass",
        );
        assert.equal(owner.rows[0]?.owner, new URL(ownerUrl).username);
      });
    });

    test('scoped to A, queries without WHERE return only A’s events, spaces and records', async () => {
      for (const ws of [a, b]) {
        await asOwner({ workspace: ws }, async (c) => {
          for (const [table, sql] of Object.entries(TABLES)) {
            assert.deepEqual(await workspacesIn(c, sql), [ws], table);
          }
          assert.equal(await countIn(c, 'events'), 3);
        });
      }
    });

    test('scoped to A, a partition selected by name shows its rows only if it is A’s', async () => {
      await asOwner({ workspace: a }, async (c) => {
        for (const [table, owner] of partitionOwner) {
          const n = await countIn(c, table);
          if (owner === a) assert.ok(n > 0, `${table} is A's and has rows`);
          else assert.equal(n, 0, `${table} is B's: invisible`);
        }
      });
    });

    test('scoped to A, writes cannot reach or create B’s rows, through the parent or a partition', async () => {
      const bPartition = [...partitionOwner].find(([, owner]) => owner === b)?.[0] ?? '';
      await asOwner({ workspace: a }, async (c) => {
        assert.equal((await c.query('DELETE FROM events')).rowCount, 3, 'only A’s three events');
        assert.equal((await c.query(`DELETE FROM "${bPartition}"`)).rowCount, 0);
        assert.equal((await c.query("UPDATE records SET data = '{}'")).rowCount, 1);
        const space = await onClient(adminUrl, (admin) =>
          admin.query<{ space_id: number }>(
            `SELECT space_id FROM "${schema}".event_spaces WHERE workspace = $1 LIMIT 1`,
            [b],
          ),
        );
        const insert = `INSERT INTO %T (space_id, ts, id, doc) VALUES ($1, $2, 'evil', '{}')`;
        for (const target of ['events', `"${bPartition}"`]) {
          await c.query('SAVEPOINT s');
          await assert.rejects(
            c.query(insert.replace('%T', target), [space.rows[0]?.space_id, DAY0 + 5]),
            /row-level security/,
            target,
          );
          await c.query('ROLLBACK TO SAVEPOINT s');
        }
        await assert.rejects(
          c.query(
            "INSERT INTO records (kind, workspace, id, version, created_at, updated_at, data) VALUES ('rule', $1, 'x', 1, 0, 0, '{}')",
            [b],
          ),
          /row-level security/,
        );
      });
    });

    test('no scope sees nothing; platform scope sees every workspace', async () => {
      await asOwner({}, async (c) => {
        for (const [table, sql] of Object.entries(TABLES))
          assert.deepEqual(await workspacesIn(c, sql), [], table);
        for (const table of partitionOwner.keys()) assert.equal(await countIn(c, table), 0, table);
      });
      await asOwner({ scope: 'platform' }, async (c) => {
        for (const [table, sql] of Object.entries(TABLES))
          assert.deepEqual(await workspacesIn(c, sql), [a, b].sort(), table);
      });
    });

    test('events, event_spaces, records and every day partition enable and FORCE row-level security', async () => {
      await asOwner({}, async (c) => {
        const result = await c.query<{ relname: string; on: boolean; forced: boolean; policies: string }>(
          `SELECT c.relname, c.relrowsecurity AS on, c.relforcerowsecurity AS forced,
                  (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
           FROM pg_class c WHERE c.relnamespace = $1::regnamespace
             AND (c.relname = ANY ($2) OR c.oid IN (SELECT inhrelid FROM pg_inherits
                                                      WHERE inhparent = 'events'::regclass))`,
          [schema, ['events', 'event_spaces', 'records']],
        );
        assert.equal(result.rows.length, 3 + partitionOwner.size);
        for (const r of result.rows) {
          assert.deepEqual([r.on, r.forced, Number(r.policies)], [true, true, 1], r.relname);
        }
      });
    });
  });

  test('the migration secures day partitions created before it', async () => {
    const schema = newSchema(adminUrl);
    const ownerUrl = await roleUrlOnce();
    const pool = createPool(ownerUrl, schema, silentLogger);
    try {
      const before = postgresMigrations.filter((m) => m.version < 6);
      await migratePostgres(pool, schema, before, systemClock, silentLogger);
      await pool.query("INSERT INTO event_spaces (workspace, data_space) VALUES ('w', 'default')");
      await pool.query(`CREATE TABLE events_20260301_1 PARTITION OF events
        FOR VALUES FROM (1, ${DAY0}) TO (1, ${DAY0 + DAY})`);
      await pool.query("INSERT INTO event_partitions VALUES (1, 20513, 'events_20260301_1')");
      await pool.query(`INSERT INTO events VALUES (1, ${DAY0 + 1}, 'e', '{}')`);
      const report = await migratePostgres(pool, schema, postgresMigrations, systemClock, silentLogger);
      assert.ok(report.applied.includes(6));
      const flags = await pool.query<{ on: boolean; forced: boolean }>(
        "SELECT relrowsecurity AS on, relforcerowsecurity AS forced FROM pg_class WHERE oid = 'events_20260301_1'::regclass",
      );
      assert.deepEqual(flags.rows, [{ on: true, forced: true }]);
      assert.equal((await pool.query('SELECT * FROM events_20260301_1')).rowCount, 0, 'no scope: hidden');
    } finally {
      await pool.end();
    }
  });
}
