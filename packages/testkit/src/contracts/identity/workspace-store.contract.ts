import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rejectsWith } from '../contract-fixtures.ts';
import type { IdentityStoresFactory } from './identity-contract-target.ts';
import { useIdentityStores } from './identity-contract-target.ts';
import { makeWorkspace, T0, uniqueId } from './identity-fixtures.ts';

/** Contract for `WorkspaceStore`. */
export function workspaceStoreContract(name: string, factory: IdentityStoresFactory): void {
  describe(`${name}: workspace store contract`, () => {
    const handle = useIdentityStores(factory);

    test('create and get round-trip; a taken id is WORKSPACE_EXISTS', async () => {
      const { workspaces } = handle().stores;
      const ws = makeWorkspace({ mfaRequired: true });
      await workspaces.create(ws);
      assert.deepEqual(await workspaces.get(ws.id), ws);
      assert.equal(await workspaces.get(uniqueId('none')), undefined);
      await rejectsWith(workspaces.create({ ...ws, name: 'other' }), 'WORKSPACE_EXISTS', 'user');
      assert.ok((await workspaces.list()).some((w) => w.id === ws.id));
    });

    test('rename, archive, schedule deletion; due workspaces are listed for the purge', async () => {
      const { workspaces } = handle().stores;
      const a = makeWorkspace();
      const b = makeWorkspace();
      await workspaces.create(a);
      await workspaces.create(b);
      const archived = { ...a, name: 'Renamed', status: 'archived' as const };
      assert.equal(await workspaces.update(archived), true);
      assert.deepEqual(await workspaces.get(a.id), archived);
      const deleting = { ...b, status: 'deleting' as const, deleteAfter: T0 + 1_000 };
      assert.equal(await workspaces.update(deleting), true);
      assert.deepEqual(await workspaces.get(b.id), deleting);
      const due = (now: number) => workspaces.listDueForDeletion(now).then((l) => l.map((w) => w.id));
      assert.ok(!(await due(T0 + 999)).includes(b.id));
      assert.ok((await due(T0 + 1_000)).includes(b.id));
      assert.ok(!(await due(T0 + 1_000)).includes(a.id));
      // Restoring clears the deadline.
      const { deleteAfter: _d, ...restored } = { ...deleting, status: 'active' as const };
      assert.equal(await workspaces.update(restored), true);
      assert.deepEqual(await workspaces.get(b.id), restored);
      assert.equal(await workspaces.update(makeWorkspace()), false);
      assert.equal(await workspaces.delete(a.id), true);
      assert.equal(await workspaces.delete(a.id), false);
      assert.equal(await workspaces.get(a.id), undefined);
    });
  });
}
