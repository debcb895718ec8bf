import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { IdentityStoresFactory } from './identity-contract-target.ts';
import { raceWins, useIdentityStores } from './identity-contract-target.ts';
import { makeOperatorAccess, T0, uniqueId } from './identity-fixtures.ts';

/** Contract for `OperatorAccessStore`. */
export function operatorAccessStoreContract(name: string, factory: IdentityStoresFactory): void {
  describe(`${name}: operator access store contract`, () => {
    const handle = useIdentityStores(factory);

    test('create, get and the owner’s newest-first listing, scoped to the workspace', async () => {
      const { operatorAccess } = handle().stores;
      const ws = uniqueId('ws');
      const first = makeOperatorAccess({ workspaceId: ws, requestedAt: T0 });
      const second = makeOperatorAccess({ workspaceId: ws, requestedAt: T0 + 1 });
      const elsewhere = makeOperatorAccess({ workspaceId: uniqueId('ws') });
      for (const g of [first, elsewhere, second]) await operatorAccess.create(g);
      assert.deepEqual(await operatorAccess.get(first.id), first);
      assert.deepEqual(await operatorAccess.listByWorkspace(ws), [second, first]);
      assert.deepEqual(await operatorAccess.listByWorkspace(uniqueId('ws')), []);
      assert.equal(await operatorAccess.get(uniqueId('oa')), undefined);
      const pending = (await operatorAccess.listPending()).map((g) => g.id);
      assert.ok(pending.includes(first.id) && pending.includes(second.id));
      assert.ok(pending.indexOf(first.id) < pending.indexOf(second.id), 'oldest request first');
    });

    test('listByOperator: every request of that operator, any status and workspace, newest first', async () => {
      const { operatorAccess } = handle().stores;
      const operatorId = uniqueId('op');
      const older = makeOperatorAccess({ operatorId, workspaceId: uniqueId('ws'), requestedAt: T0 });
      const newer = makeOperatorAccess({ operatorId, workspaceId: uniqueId('ws'), requestedAt: T0 + 5 });
      const other = makeOperatorAccess({ operatorId: uniqueId('op'), requestedAt: T0 + 1 });
      for (const g of [older, other, newer]) await operatorAccess.create(g);
      const rejected = { ...older, status: 'rejected' as const, decidedBy: 'sec', decidedAt: T0 + 9 };
      assert.equal(await operatorAccess.update(rejected, 'requested'), true);
      assert.deepEqual(await operatorAccess.listByOperator(operatorId), [newer, rejected]);
      assert.deepEqual(await operatorAccess.listByOperator(uniqueId('op')), []);
    });

    test('update is a compare-and-set on the status; approved grants are listed for their operator', async () => {
      const { operatorAccess } = handle().stores;
      const operatorId = uniqueId('op');
      const g = makeOperatorAccess({ operatorId });
      await operatorAccess.create(g);
      const approved = {
        ...g,
        status: 'approved' as const,
        decidedBy: 'sm-1',
        decidedAt: T0 + 10,
        expiresAt: T0 + 10 + g.durationMs,
      };
      assert.equal(await operatorAccess.update(approved, 'requested'), true);
      assert.equal(
        await operatorAccess.update({ ...g, status: 'rejected' }, 'requested'),
        false,
        'decided already',
      );
      assert.deepEqual(await operatorAccess.get(g.id), approved);
      assert.deepEqual(await operatorAccess.listApprovedForOperator(operatorId), [approved]);
      assert.ok(!(await operatorAccess.listPending()).some((p) => p.id === g.id));
      const revoked = { ...approved, status: 'revoked' as const, revokedBy: 'owner', revokedAt: T0 + 20 };
      assert.equal(await operatorAccess.update(revoked, 'approved'), true);
      assert.deepEqual(await operatorAccess.listApprovedForOperator(operatorId), []);
    });

    test('two security managers deciding at once (two instances): exactly one decision lands', async () => {
      const { stores } = handle();
      const twin = await handle().twin();
      const g = makeOperatorAccess();
      await stores.operatorAccess.create(g);
      const wins = await raceWins(stores, twin, 6, (s) =>
        s.operatorAccess.update(
          { ...g, status: 'approved', decidedBy: 'sm', decidedAt: T0 + 1, expiresAt: T0 + 9 },
          'requested',
        ),
      );
      assert.equal(wins, 1);
    });
  });
}
