import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RoleGrant } from '@vigil/identity';
import type { IdentityStoresFactory } from './identity-contract-target.ts';
import { useIdentityStores } from './identity-contract-target.ts';
import { T0, uniqueId } from './identity-fixtures.ts';

/** Contract for `RoleGrantStore`. */
export function roleGrantStoreContract(name: string, factory: IdentityStoresFactory): void {
  describe(`${name}: role grant store contract`, () => {
    const handle = useIdentityStores(factory);

    test('grants are idempotent, listed per principal and per workspace, and revocable once', async () => {
      const { roleGrants } = handle().stores;
      const user = uniqueId('u');
      const a = uniqueId('ws-a');
      const b = uniqueId('ws-b');
      const inA: RoleGrant = {
        principalId: user,
        roleId: 'analyst',
        workspaceId: a,
        grantedBy: 'u-0',
        grantedAt: T0,
      };
      const inB: RoleGrant = {
        principalId: user,
        roleId: 'viewer',
        workspaceId: b,
        grantedBy: 'u-0',
        grantedAt: T0,
      };
      const platform: RoleGrant = { principalId: user, roleId: 'operator', grantedBy: 'u-0', grantedAt: T0 };
      await roleGrants.grant(inA);
      await roleGrants.grant({ ...inA, grantedBy: 'u-9', grantedAt: T0 + 1 });
      await roleGrants.grant(inB);
      await roleGrants.grant(platform);
      const sorted = (list: RoleGrant[]) => [...list].sort((x, y) => (x.roleId < y.roleId ? -1 : 1));
      assert.deepEqual(sorted(await roleGrants.listForPrincipal(user)), sorted([inA, platform, inB]));
      assert.deepEqual(await roleGrants.listForWorkspace(a), [inA]);
      assert.equal(
        await roleGrants.revoke(user, 'operator', a),
        false,
        'platform grant is not a workspace grant',
      );
      assert.equal(await roleGrants.revoke(user, 'operator', undefined), true);
      assert.equal(await roleGrants.revoke(user, 'operator', undefined), false);
      assert.equal(await roleGrants.revoke(user, 'analyst', b), false, 'revoking in B never touches A');
      assert.deepEqual(sorted(await roleGrants.listForPrincipal(user)), sorted([inA, inB]));
      assert.deepEqual(await roleGrants.listForPrincipal(uniqueId('nobody')), []);
    });

    test('a workspace listing never contains another workspace’s or platform grants', async () => {
      const { roleGrants } = handle().stores;
      const a = uniqueId('ws-a');
      const b = uniqueId('ws-b');
      const users = [uniqueId('u'), uniqueId('u')];
      for (const u of users) {
        await roleGrants.grant({
          principalId: u,
          roleId: 'owner',
          workspaceId: a,
          grantedBy: 's',
          grantedAt: T0,
        });
        await roleGrants.grant({ principalId: u, roleId: 'platform-admin', grantedBy: 's', grantedAt: T0 });
      }
      assert.deepEqual(await roleGrants.listForWorkspace(b), []);
      assert.deepEqual(await roleGrants.listForWorkspace(''), []);
      const listed = await roleGrants.listForWorkspace(a);
      assert.deepEqual(
        listed.map((g) => [g.principalId, g.roleId, g.workspaceId]),
        [...users].sort().map((u) => [u, 'owner', a]),
      );
    });
  });
}
