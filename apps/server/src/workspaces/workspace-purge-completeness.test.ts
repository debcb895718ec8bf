// After a workspace's purge nothing of it remains in any table with a `workspace` column (the audit log,
// DESIGN §7, and the event-space catalogue excepted): tables are enumerated from the schema, so a new table
// is covered automatically.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, silentLogger, type Storage } from '@vigil/core';
import { generateMasterKey, type IdentityStores } from '@vigil/identity';
import {
  countSqliteWorkspaceRows,
  openSqliteCasesStores,
  openSqliteIdentityStores,
  openSqliteStorage,
} from '@vigil/store-sqlite';
import {
  countPgWorkspaceRows,
  dropPostgresSchema,
  openPostgresCasesStores,
  openPostgresIdentityStores,
  openPostgresStorage,
} from '@vigil/store-postgres';
import { makeAlert, makeEvent, makeIncident, pgUrl, skipUnless, uniqueWorkspace } from '@vigil/testkit';
import { createIdentityRuntime } from '../auth/identity-runtime.ts';
import { issueIngestToken } from '../auth/issue-ingest-token.ts';
import { TEST_PASSWORD_PARAMS } from '../auth/memory-identity-runtime.ts';
import { MemoryMetadataStore } from '../auth/memory-metadata-store.ts';
import type { CasesStores } from '../alerts/cases-runtime.ts';
import { ensureDataSpace } from './data-spaces.ts';
import { runWorkspacePurge } from './workspace-purge-job.ts';
import { workspaceRowsPurger } from './workspace-rows-purger.ts';

const DAY = 86_400_000;
const KEPT = ['audit_log', 'event_spaces'];
const T0 = Date.UTC(2026, 5, 1);
const dirs: string[] = [];
const schemas: string[] = [];
after(async () => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  for (const schema of schemas) await dropPostgresSchema(pgUrl() ?? '', schema);
});

/** Record kinds of the domains that keep workspace data in the generic records table. */
const RECORD_KINDS = [
  'sigma-rule',
  'rule-exception',
  'rule-stats',
  'scheduled-rule',
  'scheduled-rule-run',
  'saved-query',
  'logsource-seen',
  'cross-workspace-grant',
  'incident-sla-policy',
];

interface Opened {
  storage: Storage;
  stores: IdentityStores & { close(): Promise<void> };
  cases: CasesStores & { close(): Promise<void> };
  count(workspace: string): Promise<Record<string, number>>;
}

async function fill(rt: Awaited<ReturnType<typeof createIdentityRuntime>>, o: Opened, ws: string) {
  const { stores, storage, cases } = o;
  await stores.workspaces.create({ id: ws, name: ws, status: 'active', mfaRequired: false, createdAt: T0 });
  await ensureDataSpace(rt, ws, 'default', 'Default');
  await stores.roleGrants.grant({
    principalId: 'u-1',
    roleId: 'owner',
    workspaceId: ws,
    grantedBy: 't',
    grantedAt: 0,
  });
  await stores.groups.create({ id: `g-${ws}`, workspaceId: ws, name: 'SOC', createdAt: 0 });
  await issueIngestToken(rt, { workspaceId: ws, dataSpace: 'default', name: 'fw', createdBy: 'u-1' });
  await storage.events.append([
    makeEvent({ workspace: ws, id: `${ws}-e`, ts: T0 - DAY, dataSpace: 'default' }),
  ]);
  for (const kind of RECORD_KINDS) await storage.metadata.repository(kind).create(ws, `${kind}-1`, { kind });
  await cases.alerts.insertMany(ws, [makeAlert(ws, 'a-1')]);
  await cases.incidents.insertMany(ws, [makeIncident(ws, 'i-1')]);
  await cases.attachments.add(
    {
      id: 'at-1',
      workspace: ws,
      parentKind: 'incident',
      parentId: 'i-1',
      name: 'e.pcap',
      contentType: 'application/octet-stream',
      size: 1,
      sha256: '0'.repeat(64),
      createdAt: T0,
      createdBy: 'u-1',
    },
    'sealed',
  );
  await cases.suppressions.create({
    id: 's-1',
    workspace: ws,
    match: { 'host.name': ['h1'] },
    startsAt: T0,
    expiresAt: T0 + DAY,
    reason: 'maintenance',
    owner: 'u-1',
    createdAt: T0,
  });
  await cases.ledger.record(ws, [
    { workspace: ws, ruleId: 'r-1', kind: 'suppressed', by: 's-1', at: T0, eventIds: ['e-1'] },
  ]);
}

const nonZero = (counts: Record<string, number>) =>
  Object.keys(counts)
    .filter((t) => (counts[t] ?? 0) > 0)
    .sort();

function completenessSuite(name: string, open: () => Promise<Opened>, skip: false | string = false) {
  describe(`workspace purge completeness: ${name}`, { skip }, () => {
    test('after the grace period no table keeps a row of the purged workspace (audit log and event-space catalogue excepted)', async () => {
      const o = await open();
      try {
        const clock = new ManualClock(T0);
        const rt = {
          ...(await createIdentityRuntime({
            stores: o.stores,
            metadata: new MemoryMetadataStore(),
            masterKey: generateMasterKey('test'),
            clock,
            passwordParams: TEST_PASSWORD_PARAMS,
          })),
          metadata: o.storage.metadata,
        };
        const [doomed, kept] = [uniqueWorkspace('doomed'), uniqueWorkspace('kept')];
        for (const ws of [doomed, kept]) await fill(rt, o, ws);
        const before = await o.count(doomed);
        const keptBefore = await o.count(kept);
        // Every kind of data above landed somewhere: the check below is not vacuous.
        for (const table of [
          'records',
          'alerts',
          'incidents',
          'case_attachments',
          'suppression_rules',
          'suppressed_hits',
          'machine_tokens',
          'role_grants',
          'user_groups',
        ])
          assert.ok((before[table] ?? 0) > 0, `fixture wrote to ${table}`);
        assert.equal(before['records'], keptBefore['records']);

        const w = await o.stores.workspaces.get(doomed);
        assert.ok(w);
        await o.stores.workspaces.update({ ...w, status: 'deleting', deleteAfter: T0 + 30 * DAY });
        clock.advance(30 * DAY + 1);
        const deps = {
          rt,
          events: o.storage.events,
          logger: silentLogger,
          extraPurgers: [workspaceRowsPurger(o.storage, silentLogger)],
        };
        assert.deepEqual((await runWorkspacePurge(deps)).purged, [doomed]);

        const left = await o.count(doomed);
        // Kept on purpose: the append-only audit log, and the event-space catalogue (ids and names only,
        // cached by a running event store); the events themselves are gone.
        assert.deepEqual(
          nonZero(left).filter((t) => !KEPT.includes(t)),
          [],
          `rows of the purged workspace remain: ${JSON.stringify(left)}`,
        );
        assert.ok((left['audit_log'] ?? 0) > 0, 'the audit trail is kept');
        const everything = (workspace: string) => ({ workspace, from: 0, to: Date.UTC(2100, 0, 1) });
        assert.equal(await o.storage.events.count(everything(doomed)), 0, 'events (day partitions) are gone');
        assert.equal(await o.storage.events.count(everything(kept)), 1);
        assert.equal(await o.stores.workspaces.get(doomed), undefined);
        const keptAfter = await o.count(kept);
        for (const table of nonZero(keptBefore).filter((t) => !KEPT.includes(t)))
          assert.equal(keptAfter[table], keptBefore[table], `the other workspace keeps its ${table}`);
      } finally {
        await o.cases.close();
        await o.stores.close();
        await o.storage.close();
      }
    });
  });
}

completenessSuite('sqlite', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-purge-all-'));
  dirs.push(dataDir);
  const storage = await openSqliteStorage({ dataDir });
  await storage.migrate();
  return {
    storage,
    stores: await openSqliteIdentityStores({ dataDir }),
    cases: await openSqliteCasesStores({ dataDir }),
    count: (ws) => Promise.resolve(countSqliteWorkspaceRows(dataDir, ws)),
  };
});

const url = pgUrl();
completenessSuite(
  'postgres',
  async () => {
    // A schema of its own: the purge pass takes every due workspace, and other suites share `public`.
    const target = { url: url ?? '', schema: `purge_all_${randomBytes(4).toString('hex')}` };
    schemas.push(target.schema);
    const storage = await openPostgresStorage(target);
    await storage.migrate();
    return {
      storage,
      stores: await openPostgresIdentityStores(target),
      cases: await openPostgresCasesStores(target),
      count: (ws) => countPgWorkspaceRows(target, ws),
    };
  },
  skipUnless(url, 'VIGIL_PG_URL'),
);
