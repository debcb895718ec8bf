// The workspace purge on every store: SQLite always, PostgreSQL when VIGIL_PG_URL is set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, silentLogger, type Storage } from '@vigil/core';
import { generateMasterKey, type IdentityStores } from '@vigil/identity';
import { openSqliteIdentityStores, openSqliteStorage } from '@vigil/store-sqlite';
import { openPostgresIdentityStores, openPostgresStorage } from '@vigil/store-postgres';
import { makeEvent, pgUrl, skipUnless, uniqueWorkspace } from '@vigil/testkit';
import { createIdentityRuntime } from '../auth/identity-runtime.ts';
import { TEST_PASSWORD_PARAMS } from '../auth/memory-identity-runtime.ts';
import { MemoryMetadataStore } from '../auth/memory-metadata-store.ts';
import { ensureDataSpace } from './data-spaces.ts';
import { runWorkspacePurge } from './workspace-purge-job.ts';

const DAY = 86_400_000;
const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  storage: Storage;
  stores: IdentityStores & { close(): Promise<void> };
}

function purgeSuite(name: string, open: () => Promise<Opened>, skip: false | string = false) {
  describe(`workspace purge: ${name}`, { skip }, () => {
    test('a deletion-scheduled workspace is purged only after its grace period, with its events, and audited', async () => {
      const { storage, stores } = await open();
      try {
        const clock = new ManualClock(Date.UTC(2026, 5, 1));
        // The signing key stays in memory (a shared test database may hold one sealed by another key);
        // data spaces live in the store under test.
        const rt = {
          ...(await createIdentityRuntime({
            stores,
            metadata: new MemoryMetadataStore(),
            masterKey: generateMasterKey('test'),
            clock,
            passwordParams: TEST_PASSWORD_PARAMS,
          })),
          metadata: storage.metadata,
        };
        const [doomed, kept] = [uniqueWorkspace('doomed'), uniqueWorkspace('kept')];
        for (const id of [doomed, kept]) {
          await stores.workspaces.create({
            id,
            name: id,
            status: 'active',
            mfaRequired: false,
            createdAt: clock.now(),
          });
          await ensureDataSpace(rt, id, 'default', 'Default');
          await stores.roleGrants.grant({
            principalId: 'u-1',
            roleId: 'owner',
            workspaceId: id,
            grantedBy: 't',
            grantedAt: 0,
          });
          await stores.groups.create({ id: `g-${id}`, workspaceId: id, name: 'SOC', createdAt: 0 });
          await stores.roleGrants.grant({
            principalId: `group:g-${id}`,
            roleId: 'analyst',
            workspaceId: id,
            grantedBy: 't',
            grantedAt: 0,
          });
          await storage.events.append(
            [0, 1, 2].map((d) =>
              makeEvent({
                workspace: id,
                id: `${id}-${d}`,
                ts: Date.UTC(2026, 4, 1) + d * DAY,
                dataSpace: 'default',
              }),
            ),
          );
        }
        const range = (workspace: string) => ({ workspace, from: 0, to: Date.UTC(2030, 0, 1) });
        const w = await stores.workspaces.get(doomed);
        assert.ok(w);
        await stores.workspaces.update({ ...w, status: 'deleting', deleteAfter: clock.now() + 30 * DAY });

        clock.advance(30 * DAY - 1);
        assert.deepEqual(await runWorkspacePurge({ rt, events: storage.events, logger: silentLogger }), {
          purged: [],
          failed: [],
        });
        assert.equal(await storage.events.count(range(doomed)), 3, 'nothing goes during the grace period');

        clock.advance(1);
        const report = await runWorkspacePurge({ rt, events: storage.events, logger: silentLogger });
        assert.deepEqual(report.purged, [doomed]);
        assert.equal(await stores.workspaces.get(doomed), undefined);
        assert.equal(await storage.events.count(range(doomed)), 0);
        assert.deepEqual(await stores.roleGrants.listForWorkspace(doomed), []);
        assert.deepEqual(await stores.groups.list(doomed), []);
        assert.deepEqual(await storage.metadata.repository('data-space').list(doomed), []);
        // The other workspace is untouched.
        assert.equal(await storage.events.count(range(kept)), 3);
        assert.equal((await stores.roleGrants.listForWorkspace(kept)).length, 2);
        assert.equal((await stores.groups.list(kept)).length, 1);
        const audit = await stores.audit.find({ workspace: doomed, limit: 10 });
        const purged = audit.find((r) => r.event_type === 'workspace.purged');
        assert.equal(purged?.result, 'success');
        assert.equal(purged.details?.['events'], 3);
        assert.deepEqual(
          (await runWorkspacePurge({ rt, events: storage.events, logger: silentLogger })).purged,
          [],
          'a second pass finds nothing',
        );
      } finally {
        await stores.close();
        await storage.close();
      }
    });
  });
}

purgeSuite('sqlite', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-purge-'));
  dirs.push(dataDir);
  const storage = await openSqliteStorage({ dataDir });
  await storage.migrate();
  return { storage, stores: await openSqliteIdentityStores({ dataDir }) };
});

const url = pgUrl();
purgeSuite(
  'postgres',
  async () => {
    const storage = await openPostgresStorage({ url: url ?? '' });
    await storage.migrate();
    return { storage, stores: await openPostgresIdentityStores({ url: url ?? '' }) };
  },
  skipUnless(url, 'VIGIL_PG_URL'),
);
