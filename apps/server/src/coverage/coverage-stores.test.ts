// The coverage records (imported matrix, logsource last-seen) on every metadata adapter: memory,
// SQLite, and PostgreSQL when VIGIL_PG_URL is set.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MetadataStore } from '@vigil/core';
import { uniqueWorkspace } from '@vigil/testkit';
import { AttackMatrixStore } from './attack-matrix-store.ts';
import { miniBundleBytes } from './coverage-fixture.ts';
import { DataSeenStore } from './data-seen-store.ts';
import { importAttackBundle } from './import-attack-bundle.ts';
import { forEachMetadataStore } from '../testing/each-metadata-store.ts';

function coverageStoresContract(
  name: string,
  open: () => Promise<MetadataStore>,
  skip: false | string = false,
) {
  describe(`coverage stores: ${name}`, { skip }, () => {
    test('the imported matrix round-trips and a re-import replaces it', async () => {
      const metadata = await open();
      const store = new AttackMatrixStore(metadata);
      const first = await importAttackBundle(store, miniBundleBytes(), { now: 1000, by: 'u-a' });
      const got = await store.get();
      assert.equal(got?.sha256, first.sha256);
      assert.equal(got?.matrix.techniques.find((t) => t.id === 'T1059.001')?.name, 'PowerShell');
      const bundle = JSON.parse(miniBundleBytes().toString('utf8')) as { objects: Record<string, unknown>[] };
      bundle.objects = bundle.objects.filter((o) => o['name'] !== 'Brute Force');
      await importAttackBundle(store, bundle, { now: 2000 });
      const replaced = await new AttackMatrixStore(metadata).get();
      assert.equal(replaced?.importedAt, 2000);
      assert.equal(replaced?.importedBy, undefined);
      assert.ok(!replaced?.matrix.techniques.some((t) => t.id === 'T1110'));
    });

    test('last-seen times merge per workspace', async () => {
      const store = new DataSeenStore(await open());
      const ws = uniqueWorkspace('seen');
      await store.add(
        ws,
        new Map([
          ['w:security', 5],
          ['w:*', 5],
        ]),
      );
      await store.add(
        ws,
        new Map([
          ['w:*', 3],
          ['ls:aws||cloudtrail', 7],
        ]),
      );
      assert.deepEqual(await store.get(ws), { 'w:security': 5, 'w:*': 5, 'ls:aws||cloudtrail': 7 });
      assert.deepEqual(await store.get(uniqueWorkspace('other')), {});
    });
  });
}

forEachMetadataStore('vigil-coverage-', coverageStoresContract);
