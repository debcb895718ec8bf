import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { chainAuditRecord } from '@vigil/identity';
import type { IdentityStores } from '@vigil/identity';
import {
  customRole,
  DAY0,
  identityStoresContract,
  makeEvent,
  makeMachineToken,
  makeOperatorAccess,
  pgUrl,
  skipUnless,
  T0,
  uniqueWorkspace,
} from '@vigil/testkit';
import { openPostgresStorage } from '../postgres-storage.ts';
import { openPostgresIdentityStores } from './pg-identity-stores.ts';

// Superusers and BYPASSRLS roles ignore row-level security, so every proof here runs as an ordinary role.
const url = pgUrl();
const skip = skipUnless(url, 'VIGIL_PG_URL');
const cleanups: (() => Promise<void>)[] = [];

async function onClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const hex = () => randomBytes(6).toString('hex');

after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Tables the wall covers, and how to read each row's workspace without any WHERE clause. */
const WORKSPACE_OF: Record<string, string> = {
  roles: 'SELECT workspace AS ws FROM roles',
  role_grants: 'SELECT workspace AS ws FROM role_grants',
  machine_tokens: 'SELECT workspace AS ws FROM machine_tokens',
  operator_access: 'SELECT workspace AS ws FROM operator_access',
  audit_log: 'SELECT workspace AS ws FROM audit_log',
  records: 'SELECT workspace AS ws FROM records',
  event_spaces: 'SELECT workspace AS ws FROM event_spaces',
  events: "SELECT doc->'vigil'->>'workspace' AS ws FROM events",
};

if (url === undefined) {
  test('postgres row-level security', { skip }, () => {});
} else {
  const pgUrlValue = url;

  describe('postgres RLS: hand-written SQL under an ordinary role sees one workspace only', () => {
    const schema = `vigil_test_${hex()}`;
    const role = `vigil_rls_${hex()}`;
    const a = uniqueWorkspace('a');
    const b = uniqueWorkspace('b');

    before(async () => {
      cleanups.push(() =>
        onClient((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).then(() => undefined),
      );
      const storage = await openPostgresStorage({ url: pgUrlValue, schema });
      const stores = await openPostgresIdentityStores({ url: pgUrlValue, schema });
      try {
        await storage.migrate();
        await seed(stores, a);
        await seed(stores, b);
        await stores.roleGrants.grant({
          principalId: 'u-p',
          roleId: 'operator',
          grantedBy: 's',
          grantedAt: T0,
        });
        await appendAudit(stores, null);
        for (const ws of [a, b]) {
          await storage.events.append([makeEvent({ workspace: ws, id: 'e1', ts: DAY0 + 1 })]);
          await storage.metadata.repository<{ t: string }>('rule').create(ws, 'r1', { t: ws });
        }
      } finally {
        await stores.close();
        await storage.close();
      }
      await onClient(async (c) => {
        await c.query(`CREATE ROLE "${role}" NOLOGIN NOSUPERUSER NOBYPASSRLS`);
        await c.query(`GRANT USAGE ON SCHEMA "${schema}" TO "${role}"`);
        await c.query(
          `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "${schema}" TO "${role}"`,
        );
      });
      cleanups.push(() =>
        onClient(async (c) => {
          await c.query(`DROP OWNED BY "${role}"`);
          await c.query(`DROP ROLE IF EXISTS "${role}"`);
        }),
      );
    });

    /** Runs `work` in a rolled-back transaction as the ordinary role, with the given settings. */
    function asRole<T>(
      settings: { scope?: string; workspace?: string },
      work: (c: pg.Client) => Promise<T>,
    ): Promise<T> {
      return onClient(async (c) => {
        await c.query('BEGIN');
        try {
          await c.query(`SET LOCAL ROLE "${role}"`);
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

    test('the role really is subject to RLS (not a superuser, no BYPASSRLS)', async () => {
      const flags = await asRole({}, (c) =>
        c.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
          'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user',
        ),
      );
      assert.deepEqual(flags.rows, [{ rolsuper: false, rolbypassrls: false }]);
    });

    test('scoped to workspace A, a query without WHERE returns only A’s rows, in every covered table', async () => {
      await asRole({ workspace: a }, async (c) => {
        for (const [table, sql] of Object.entries(WORKSPACE_OF)) {
          assert.deepEqual(await workspacesIn(c, sql), [a], table);
        }
      });
      await asRole({ workspace: b }, async (c) => {
        assert.deepEqual(await workspacesIn(c, WORKSPACE_OF['roles'] ?? ''), [b]);
        assert.deepEqual(await workspacesIn(c, WORKSPACE_OF['events'] ?? ''), [b]);
      });
    });

    test('with no scope set, nothing is visible; platform scope sees every workspace', async () => {
      await asRole({}, async (c) => {
        for (const [table, sql] of Object.entries(WORKSPACE_OF))
          assert.deepEqual(await workspacesIn(c, sql), [], table);
      });
      await asRole({ scope: 'platform' }, async (c) => {
        assert.deepEqual(await workspacesIn(c, WORKSPACE_OF['audit_log'] ?? ''), [a, b, null].sort());
        assert.deepEqual(await workspacesIn(c, WORKSPACE_OF['role_grants'] ?? ''), ['', a, b].sort());
        assert.deepEqual(await workspacesIn(c, WORKSPACE_OF['events'] ?? ''), [a, b].sort());
      });
    });

    test('scoped to A, writes cannot reach or create B’s rows', async () => {
      await asRole({ workspace: a }, async (c) => {
        const updated = await c.query("UPDATE roles SET name = 'hijacked'");
        assert.equal(updated.rowCount, 1, 'only A’s one role');
        const deleted = await c.query('DELETE FROM machine_tokens WHERE workspace = $1', [b]);
        assert.equal(deleted.rowCount, 0);
        await assert.rejects(
          c.query("INSERT INTO roles (workspace, id, name, permissions) VALUES ($1, 'evil', 'x', '[]')", [b]),
          /row-level security/,
        );
      });
    });

    test('workspace tables FORCE row-level security, so even their owner is walled in', async () => {
      const result = await onClient((c) =>
        c.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
          `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c
           JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = $1 AND c.relname = ANY($2) ORDER BY c.relname`,
          [schema, Object.keys(WORKSPACE_OF)],
        ),
      );
      const forced = result.rows.filter((r) => r.relforcerowsecurity).map((r) => r.relname);
      assert.deepEqual(forced, [
        'audit_log',
        'event_spaces',
        'events',
        'machine_tokens',
        'operator_access',
        'records',
        'role_grants',
        'roles',
      ]);
      assert.ok(result.rows.every((r) => r.relrowsecurity));
    });
  });

  // The adapter itself, connected as an ordinary role that owns its schema (a realistic deployment):
  // every port passes its contract with RLS enforced, so each method sets the scope it needs.
  identityStoresContract('postgres as an ordinary role (RLS enforced)', async () => {
    const schema = `vigil_test_${hex()}`;
    const role = `vigil_rls_${hex()}`;
    const password = randomBytes(18).toString('base64url');
    const database = await onClient(async (c) => {
      const db = (await c.query<{ db: string }>('SELECT current_database() AS db')).rows[0]?.db ?? '';
      await c.query(`CREATE ROLE "${role}" LOGIN PASSWORD '${password}' NOSUPERUSER NOBYPASSRLS`);
      await retryConcurrentUpdate(() => c.query(`GRANT CREATE ON DATABASE "${db}" TO "${role}"`));
      return db;
    });
    cleanups.push(() =>
      onClient(async (c) => {
        await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await retryConcurrentUpdate(() => c.query(`REVOKE CREATE ON DATABASE "${database}" FROM "${role}"`));
        await c.query(`DROP OWNED BY "${role}"`);
        await c.query(`DROP ROLE IF EXISTS "${role}"`);
      }),
    );
    const roleUrl = new URL(pgUrlValue);
    roleUrl.username = role;
    roleUrl.password = password;
    const storage = await openPostgresStorage({ url: roleUrl.toString(), schema });
    await storage.migrate();
    await storage.close();
    const stores = await openPostgresIdentityStores({ url: roleUrl.toString(), schema });
    const twins: { close(): Promise<void> }[] = [];
    return {
      kind: 'postgres',
      stores,
      twin: async (): Promise<IdentityStores> => {
        const twin = await openPostgresIdentityStores({ url: roleUrl.toString(), schema });
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

/** GRANT/REVOKE on the database row race with other test files doing the same ("tuple concurrently updated"). */
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

async function seed(stores: IdentityStores, ws: string): Promise<void> {
  await stores.roles.put(customRole(ws, 'triage'));
  await stores.roleGrants.grant({
    principalId: 'u-1',
    roleId: 'triage',
    workspaceId: ws,
    grantedBy: 's',
    grantedAt: T0,
  });
  await stores.machineTokens.create(makeMachineToken({ workspaceId: ws }));
  await stores.operatorAccess.create(makeOperatorAccess({ workspaceId: ws }));
  await appendAudit(stores, ws);
}

async function appendAudit(stores: IdentityStores, ws: string | null): Promise<void> {
  const entry = {
    event_type: 'rule.created',
    user_id: 'u-1',
    resource: null,
    workspace: ws,
    client_ip: null,
    client_id: null,
    result: 'success' as const,
    request_id: null,
  };
  await stores.audit.append(chainAuditRecord(await stores.audit.head(), entry, T0));
}
