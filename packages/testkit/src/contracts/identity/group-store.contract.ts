import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Group, GroupMember } from '@vigil/identity';
import { rejectsWith } from '../contract-fixtures.ts';
import type { IdentityStoresFactory } from './identity-contract-target.ts';
import { raceWins, useIdentityStores } from './identity-contract-target.ts';
import { T0, uniqueId } from './identity-fixtures.ts';

function group(workspaceId: string, name: string, extra: Partial<Group> = {}): Group {
  return { id: uniqueId('g'), workspaceId, name, createdAt: T0, ...extra };
}

function member(g: Group, userId: string, addedBy = 'u-0'): GroupMember {
  return { workspaceId: g.workspaceId, groupId: g.id, userId, addedBy, addedAt: T0 };
}

/** Contract for `GroupStore` (user groups per workspace). */
export function groupStoreContract(name: string, factory: IdentityStoresFactory): void {
  describe(`${name}: group store contract`, () => {
    const handle = useIdentityStores(factory);

    test('create, get, list (by name) and update groups; names are unique per workspace, any case', async () => {
      const { groups } = handle().stores;
      const ws = uniqueId('ws');
      const soc = group(ws, 'SOC tier 1', { ssoGroup: 'soc-t1' });
      const leads = group(ws, 'Leads');
      await groups.create(soc);
      await groups.create(leads);
      assert.deepEqual(await groups.get(ws, soc.id), soc);
      assert.deepEqual(await groups.list(ws), [leads, soc]);
      await rejectsWith(groups.create(group(ws, 'soc TIER 1')), 'GROUP_NAME_TAKEN', 'user');
      await groups.create(group(uniqueId('ws'), 'SOC tier 1'));
      const renamed = { id: soc.id, workspaceId: ws, name: 'SOC tier one', createdAt: T0 };
      assert.equal(await groups.update(renamed), true);
      assert.deepEqual(await groups.get(ws, soc.id), renamed, 'ssoGroup cleared, name changed');
      await rejectsWith(groups.update({ ...renamed, name: 'LEADS' }), 'GROUP_NAME_TAKEN', 'user');
      assert.equal(await groups.update(group(ws, 'Ghost')), false);
      assert.equal(await groups.get(ws, 'missing'), undefined);
    });

    test('a group of workspace A is never found, changed or deleted from workspace B', async () => {
      const { groups } = handle().stores;
      const a = uniqueId('ws-a');
      const b = uniqueId('ws-b');
      const g = group(a, 'Blue');
      await groups.create(g);
      assert.equal(await groups.get(b, g.id), undefined);
      assert.deepEqual(await groups.list(b), []);
      assert.equal(await groups.update({ ...g, workspaceId: b, name: 'Red' }), false);
      assert.equal(await groups.delete(b, g.id), false);
      assert.equal(await groups.addMember({ ...member(g, 'u-1'), workspaceId: b }), false);
      assert.deepEqual(await groups.listMembers(b, g.id), []);
      assert.equal((await groups.get(a, g.id))?.name, 'Blue');
    });

    test('members are added idempotently, listed per group and per account, and removable once', async () => {
      const { groups } = handle().stores;
      const a = uniqueId('ws-a');
      const b = uniqueId('ws-b');
      const ga = group(a, 'Analysts');
      const gb = group(b, 'Analysts');
      await groups.create(ga);
      await groups.create(gb);
      const user = uniqueId('u');
      assert.equal(await groups.addMember(member(ga, user)), true);
      assert.equal(await groups.addMember(member(ga, user, 'u-9')), true);
      assert.equal(await groups.addMember(member(gb, user, 'oidc')), true);
      assert.equal(await groups.addMember(member(ga, 'zz-other')), true);
      assert.equal(await groups.addMember(member(group(a, 'Nope'), user)), false, 'unknown group');
      assert.deepEqual(await groups.listMembers(a, ga.id), [member(ga, user), member(ga, 'zz-other')]);
      const mine = await groups.listForUser(user);
      assert.deepEqual(
        mine,
        [member(ga, user), member(gb, user, 'oidc')].sort((x, y) => (x.workspaceId < y.workspaceId ? -1 : 1)),
      );
      assert.equal(await groups.removeMember(a, ga.id, user), true);
      assert.equal(await groups.removeMember(a, ga.id, user), false);
      assert.deepEqual(await groups.listForUser(user), [member(gb, user, 'oidc')]);
    });

    test('deleting a group removes its memberships; deleting a workspace removes all its groups', async () => {
      const { groups } = handle().stores;
      const ws = uniqueId('ws');
      const other = uniqueId('ws');
      const g1 = group(ws, 'One');
      const g2 = group(ws, 'Two');
      const kept = group(other, 'Kept');
      for (const g of [g1, g2, kept]) await groups.create(g);
      const user = uniqueId('u');
      for (const g of [g1, g2, kept]) await groups.addMember(member(g, user));
      assert.equal(await groups.delete(ws, g1.id), true);
      assert.equal(await groups.delete(ws, g1.id), false);
      assert.deepEqual(await groups.listMembers(ws, g1.id), []);
      assert.equal((await groups.listForUser(user)).length, 2);
      assert.equal(await groups.deleteWorkspace(ws), 1);
      assert.deepEqual(await groups.list(ws), []);
      assert.deepEqual(await groups.listForUser(user), [member(kept, user)]);
    });

    test('two instances racing to create the same name: exactly one wins', async () => {
      const h = handle();
      const twin = await h.twin();
      const ws = uniqueId('ws');
      const wins = await raceWins(h.stores, twin, 4, async (s) => {
        try {
          await s.groups.create(group(ws, 'Race'));
          return true;
        } catch {
          return false;
        }
      });
      assert.equal(wins, 1);
      assert.equal((await h.stores.groups.list(ws)).length, 1);
    });
  });
}
