import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, test } from 'node:test';
import pg from 'pg';
import { pgUrl, skipUnless } from '@vigil/testkit';
import { openPostgresStorage } from '../postgres-storage.ts';

// Superusers bypass row-level security: the proof switches to an ordinary role (SET LOCAL ROLE) holding
// plain table grants, inside rolled-back transactions, and sees only the scoped workspace's rows.
const url = pgUrl();
const skip = skipUnless(url, 'VIGIL_PG_URL');
const hex = () => randomBytes(6).toString('hex');
const cleanups: (() => Promise<void>)[] = [];

after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function onClient<T>(connectionString: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

test(
  'attachments and processed detection ids are walled in per workspace by row-level security',
  { skip },
  async () => {
    const adminUrl = url ?? '';
    const schema = `vigil_test_${hex()}`;
    const role = `vigil_cases_rls_${hex()}`;
    cleanups.push(() =>
      onClient(adminUrl, async (c) => {
        await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await c.query(`DROP ROLE IF EXISTS "${role}"`);
      }),
    );
    const storage = await openPostgresStorage({ url: adminUrl, schema });
    await storage.migrate();
    await storage.close();
    await onClient(adminUrl, async (c) => {
      await c.query(`SET search_path = "${schema}"`);
      for (const ws of ['ws-a', 'ws-b']) {
        await c.query(
          `INSERT INTO case_attachments (workspace, id, parent_kind, parent_id, created_at, data, content)
         VALUES ($1, 'at-1', 'incident', 'i-1', 1, '{}', 'sealed')`,
          [ws],
        );
        await c.query(
          `INSERT INTO processed_detections (workspace, detection_id, until) VALUES ($1, 'd-1', 9)`,
          [ws],
        );
      }
      await c.query(`CREATE ROLE "${role}" NOLOGIN NOSUPERUSER NOBYPASSRLS`);
      await c.query(`GRANT USAGE ON SCHEMA "${schema}" TO "${role}"`);
      await c.query(`GRANT SELECT, INSERT, DELETE ON case_attachments, processed_detections TO "${role}"`);
    });

    const asRole = (workspace: string, work: (c: pg.Client) => Promise<void>) =>
      onClient(adminUrl, async (c) => {
        await c.query('BEGIN');
        try {
          await c.query(`SET LOCAL search_path = "${schema}"`);
          await c.query(`SET LOCAL ROLE "${role}"`);
          await c.query("SELECT set_config('vigil.workspace', $1, true)", [workspace]);
          await work(c);
        } finally {
          await c.query('ROLLBACK');
        }
      });
    /** A statement that must fail, in a savepoint so the transaction goes on. */
    const refused = async (c: pg.Client, sql: string) => {
      await c.query('SAVEPOINT refused');
      await assert.rejects(c.query(sql), /row-level security/);
      await c.query('ROLLBACK TO SAVEPOINT refused');
    };
    const workspaces = async (c: pg.Client, table: string) =>
      (await c.query<{ workspace: string }>(`SELECT workspace FROM ${table}`)).rows.map((r) => r.workspace);

    await asRole('ws-a', async (c) => {
      assert.deepEqual(await workspaces(c, 'case_attachments'), ['ws-a']);
      assert.deepEqual(await workspaces(c, 'processed_detections'), ['ws-a']);
      assert.equal((await c.query('DELETE FROM case_attachments')).rowCount, 1);
      await refused(
        c,
        `INSERT INTO case_attachments (workspace, id, parent_kind, parent_id, created_at, data, content)
         VALUES ('ws-b', 'evil', 'incident', 'i-1', 1, '{}', 'x')`,
      );
      await refused(
        c,
        `INSERT INTO processed_detections (workspace, detection_id, until) VALUES ('ws-b', 'd-9', 9)`,
      );
      assert.deepEqual(await workspaces(c, 'processed_detections'), ['ws-a']);
    });
    await asRole('', async (c) => {
      assert.deepEqual(await workspaces(c, 'case_attachments'), []);
      assert.deepEqual(await workspaces(c, 'processed_detections'), []);
    });
  },
);
