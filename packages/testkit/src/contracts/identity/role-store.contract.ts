import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateCustomRole } from '@vigil/identity';
import type { Role } from '@vigil/identity';
import { rejectsWith } from '../contract-fixtures.ts';
import type { IdentityStoresFactory } from './identity-contract-target.ts';
import { useIdentityStores } from './identity-contract-target.ts';
import { T0, uniqueId } from './identity-fixtures.ts';

/** A validated custom role of `workspace`. */
export function customRole(
  workspace: string,
  id: string,
  permissions: string[] = ['alerts.*'],
): Role & { workspace: string } {
  const result = validateCustomRole(workspace, { id, name: `Role ${id}`, permissions });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { ...result.role, workspace };
}

/** Contract for `RoleStore` (custom roles per workspace). */
export function roleStoreContract(name: string, factory: IdentityStoresFactory): void {
  describe(`${name}: role store contract`, () => {
    const handle = useIdentityStores(factory);

    test('put, get, list and replace custom roles', async () => {
      const { roles } = handle().stores;
      const ws = uniqueId('ws');
      const triage = customRole(ws, 'triage');
      const hunter = customRole(ws, 'hunter', ['events.search', 'queries.*']);
      await roles.put(triage);
      await roles.put(hunter);
      assert.deepEqual(await roles.get(ws, 'triage'), triage);
      assert.deepEqual(await roles.list(ws), [hunter, triage]);
      const renamed = { ...customRole(ws, 'triage', ['alerts.read']), name: 'Triage (read)' };
      await roles.put(renamed);
      assert.deepEqual(await roles.get(ws, 'triage'), renamed);
      assert.equal(await roles.get(ws, 'missing'), undefined);
    });

    test('a role of workspace A is never returned for workspace B', async () => {
      const { roles } = handle().stores;
      const a = uniqueId('ws-a');
      const b = uniqueId('ws-b');
      await roles.put(customRole(a, 'triage'));
      assert.equal(await roles.get(b, 'triage'), undefined);
      assert.deepEqual(await roles.list(b), []);
      assert.equal(await roles.delete(b, 'triage'), false);
      await roles.put(customRole(b, 'triage', ['alerts.read']));
      assert.deepEqual((await roles.get(a, 'triage'))?.permissions, customRole(a, 'triage').permissions);
    });

    test('a role still granted cannot be deleted (ROLE_IN_USE); once revoked it can, once', async () => {
      const { roles, roleGrants } = handle().stores;
      const ws = uniqueId('ws');
      const other = uniqueId('ws');
      await roles.put(customRole(ws, 'triage'));
      await roles.put(customRole(other, 'triage'));
      await roleGrants.grant({
        principalId: 'u-1',
        roleId: 'triage',
        workspaceId: ws,
        grantedBy: 'u-0',
        grantedAt: T0,
      });
      await rejectsWith(roles.delete(ws, 'triage'), 'ROLE_IN_USE', 'user');
      assert.equal(
        await roles.delete(other, 'triage'),
        true,
        'a grant in another workspace does not hold it',
      );
      assert.equal(await roleGrants.revoke('u-1', 'triage', ws), true);
      assert.equal(await roles.delete(ws, 'triage'), true);
      assert.equal(await roles.delete(ws, 'triage'), false);
    });
  });
}
