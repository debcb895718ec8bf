// The aggregated view over the real adapters: grants in the records table, alerts and incidents in
// the cases tables, each granted workspace read under its own scope. SQLite always; PostgreSQL when
// VIGIL_PG_URL is set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, type MetadataStore } from '@vigil/core';
import type { CasesStores } from '../alerts/cases-runtime.ts';
import { SourceStats } from '@vigil/ingest';
import { openSqliteCasesStores, openSqliteStorage } from '@vigil/store-sqlite';
import { openPostgresCasesStores, openPostgresStorage } from '@vigil/store-postgres';
import { C0, makeAlert, makeIncident, pgUrl, skipUnless, uniqueWorkspace } from '@vigil/testkit';
import { RuleStore } from '../rules/rule-store.ts';
import { CrossWorkspaceGrantStore } from './cross-workspace-grant-store.ts';
import { crossWorkspaceOverview } from './cross-workspace-overview.ts';

interface Adapter {
  metadata: MetadataStore;
  cases: CasesStores;
}

const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const close of closers.reverse()) await close();
});

function aggregateOnAdapter(name: string, open: () => Promise<Adapter>, skip: false | string = false) {
  describe(`cross-workspace overview on ${name}`, { skip }, () => {
    test('only granted workspaces are aggregated, each read in its own scope', async () => {
      const { metadata, cases } = await open();
      const clock = new ManualClock(C0 + 3_600_000);
      const [a, b, c, soc] = ['a', 'b', 'c', 'soc'].map((p) => uniqueWorkspace(p)) as [
        string,
        string,
        string,
        string,
      ];
      await cases.alerts.insertMany(a, [
        makeAlert(a, 'a1', { severity: 'critical' }),
        makeAlert(a, 'a2', { severity: 'high', status: 'closed', closedAt: C0 + 60_000 }),
      ]);
      await cases.alerts.insertMany(b, [makeAlert(b, 'b1', { severity: 'low' })]);
      await cases.alerts.insertMany(c, [makeAlert(c, 'c1', { severity: 'critical' })]);
      await cases.incidents.insertMany(a, [makeIncident(a, 'i1')]);
      await cases.incidents.insertMany(c, [makeIncident(c, 'i9'), makeIncident(c, 'i10')]);
      const grants = new CrossWorkspaceGrantStore(metadata);
      for (const source of [a, b]) {
        await grants.grant({
          sourceWorkspace: source,
          centralWorkspace: soc,
          scope: 'aggregated_overview',
          grantedBy: 'u-admin',
          grantedAt: C0,
        });
      }
      const sources = {
        alerts: cases.alerts,
        incidents: cases.incidents,
        rules: new RuleStore(metadata, clock),
        ingest: new SourceStats(),
      };
      const { overview } = await crossWorkspaceOverview({ grants, sources }, soc, clock.now(), 7);
      assert.deepEqual(
        overview.workspaces.map((w) => w.workspace),
        [a, b].sort(),
      );
      assert.equal(overview.alerts.openTotal, 2);
      assert.deepEqual(overview.alerts.open, { informational: 0, low: 1, medium: 0, high: 0, critical: 1 });
      assert.equal(overview.alerts.createdInPeriod, 3);
      assert.equal(overview.incidents.open, 1, 'ws c’s incidents are not included');
      assert.equal(overview.trend.alerts.high.at(-1), 1);

      await grants.revoke(a, soc);
      const after = await crossWorkspaceOverview({ grants, sources }, soc, clock.now(), 7);
      assert.deepEqual(
        after.overview.workspaces.map((w) => w.workspace),
        [b],
      );
    });
  });
}

aggregateOnAdapter('sqlite', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-xws-overview-'));
  const storage = await openSqliteStorage({ dataDir });
  await storage.migrate();
  const cases = await openSqliteCasesStores({ dataDir });
  closers.push(async () => {
    await cases.close();
    await storage.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { metadata: storage.metadata, cases };
});

const url = pgUrl();
aggregateOnAdapter(
  'postgres',
  async () => {
    // The default schema: workspaces are unique per run, so runs do not see each other's rows.
    const storage = await openPostgresStorage({ url: url ?? '' });
    await storage.migrate();
    const cases = await openPostgresCasesStores({ url: url ?? '' });
    closers.push(async () => {
      await cases.close();
      await storage.close();
    });
    return { metadata: storage.metadata, cases };
  },
  skipUnless(url, 'VIGIL_PG_URL'),
);
