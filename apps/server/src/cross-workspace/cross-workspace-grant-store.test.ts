// The grant store on every metadata adapter: memory, SQLite, and PostgreSQL when VIGIL_PG_URL is set.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MetadataStore, RecordRepository } from '@vigil/core';
import { uniqueWorkspace } from '@vigil/testkit';
import { CrossWorkspaceGrantStore } from './cross-workspace-grant-store.ts';
import {
  CROSS_WORKSPACE_GRANT_KIND,
  CROSS_WORKSPACE_RECEIVED_KIND,
  type CrossWorkspaceGrant,
} from './cross-workspace-grant.ts';
import { forEachMetadataStore } from '../testing/each-metadata-store.ts';

const grant = (source: string, central: string): CrossWorkspaceGrant => ({
  sourceWorkspace: source,
  centralWorkspace: central,
  scope: 'aggregated_overview',
  grantedBy: 'u-admin',
  grantedAt: 1_700_000_000_000,
});

function grantStoreContract(name: string, open: () => Promise<MetadataStore>, skip: false | string = false) {
  describe(`cross-workspace grant store: ${name}`, { skip }, () => {
    test('grant, list both sides, refuse a duplicate, revoke', async () => {
      const metadata = await open();
      const store = new CrossWorkspaceGrantStore(metadata);
      const [a, b, c, soc] = ['a', 'b', 'c', 'soc'].map((p) => uniqueWorkspace(p)) as [
        string,
        string,
        string,
        string,
      ];
      await store.grant(grant(a, soc));
      await store.grant(grant(b, soc));
      await store.grant(grant(c, a));
      assert.deepEqual(await store.given(a), [grant(a, soc)]);
      assert.deepEqual(
        (await store.received(soc)).map((g) => g.sourceWorkspace),
        [a, b].sort(),
      );
      assert.deepEqual(await store.received(a), [grant(c, a)]);
      assert.deepEqual(await store.received(c), []);
      await assert.rejects(store.grant(grant(a, soc)), { code: 'CROSS_WORKSPACE_GRANT_EXISTS' });

      assert.equal(await store.revoke(a, soc), true);
      assert.equal(await store.revoke(a, soc), false);
      assert.deepEqual(
        (await store.received(soc)).map((g) => g.sourceWorkspace),
        [b],
      );
      assert.deepEqual(await store.given(a), []);
      // Granting again after a revoke works.
      await store.grant(grant(a, soc));
      assert.equal((await store.received(soc)).length, 2);
    });

    test('the source record decides: a leftover index entry without it grants nothing', async () => {
      const metadata = await open();
      const store = new CrossWorkspaceGrantStore(metadata);
      const [x, soc] = [uniqueWorkspace('x'), uniqueWorkspace('soc')];
      // As if a revoke removed the source record but failed to remove the index entry.
      await metadata
        .repository<{ sourceWorkspace: string }>(CROSS_WORKSPACE_RECEIVED_KIND)
        .create(soc, x, { sourceWorkspace: x });
      assert.deepEqual(await store.received(soc), []);
      // A new grant over the leftover entry is valid.
      await store.grant(grant(x, soc));
      assert.deepEqual(await store.received(soc), [grant(x, soc)]);
    });

    test('a failed source write takes back the index entry (nothing half-written)', async () => {
      const real = await open();
      const failing: MetadataStore = {
        repository<T>(kind: string): RecordRepository<T> {
          const repo = real.repository<T>(kind);
          if (kind !== CROSS_WORKSPACE_GRANT_KIND) return repo;
          return { ...repo, get: repo.get.bind(repo), create: () => Promise.reject(new Error('disk full')) };
        },
      };
      const store = new CrossWorkspaceGrantStore(failing);
      const [x, soc] = [uniqueWorkspace('x'), uniqueWorkspace('soc')];
      await assert.rejects(store.grant(grant(x, soc)), /disk full/);
      const index = await real.repository(CROSS_WORKSPACE_RECEIVED_KIND).list(soc);
      assert.deepEqual(index, []);
    });
  });
}

forEachMetadataStore('vigil-xws-', grantStoreContract);
