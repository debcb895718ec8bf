import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkMachineToken, issueMachineToken, parseMachineToken } from '@vigil/identity';
import type { IdentityStoresFactory } from './identity-contract-target.ts';
import { useIdentityStores } from './identity-contract-target.ts';
import { makeMachineToken, T0, uniqueId } from './identity-fixtures.ts';

/** Contract for `MachineTokenStore` (API keys and ingest tokens). */
export function machineTokenStoreContract(name: string, factory: IdentityStoresFactory): void {
  describe(`${name}: machine token store contract`, () => {
    const handle = useIdentityStores(factory);

    test('an issued token round-trips and authenticates against the stored hash only', async () => {
      const { machineTokens } = handle().stores;
      const ws = uniqueId('ws');
      const { token, record } = issueMachineToken({
        kind: 'ingest',
        name: 'firewall',
        workspaceId: ws,
        dataSpace: 'network',
        createdBy: 'u-1',
        createdAt: T0,
        expiresAt: T0 + 1_000,
      });
      await machineTokens.create(record);
      const stored = await machineTokens.get(record.id);
      assert.deepEqual(stored, record);
      const secret = parseMachineToken(token)?.secret ?? '';
      assert.equal(secret.length, 43);
      assert.ok(!JSON.stringify(stored).includes(secret), 'the secret itself is not stored');
      assert.deepEqual(checkMachineToken(stored, token, T0 + 1), { ok: true });
      assert.deepEqual(checkMachineToken(stored, token, T0 + 1_000), { ok: false, reason: 'expired' });
      assert.equal(await machineTokens.get('0000000000000000'), undefined);
    });

    test('touch records last use; revoke works once and the token then fails', async () => {
      const { machineTokens } = handle().stores;
      const { token, record } = issueMachineToken({
        kind: 'api_key',
        name: 'soar',
        workspaceId: uniqueId('ws'),
        roleId: 'responder',
        createdBy: 'u-1',
        createdAt: T0,
      });
      await machineTokens.create(record);
      await machineTokens.touch(record.id, T0 + 60_000);
      assert.equal((await machineTokens.get(record.id))?.lastUsedAt, T0 + 60_000);
      assert.equal(await machineTokens.revoke(record.id, T0 + 70_000), true);
      assert.equal(await machineTokens.revoke(record.id, T0 + 80_000), false);
      const revoked = await machineTokens.get(record.id);
      assert.equal(revoked?.revokedAt, T0 + 70_000);
      assert.deepEqual(checkMachineToken(revoked, token, T0 + 90_000), { ok: false, reason: 'revoked' });
      assert.equal(await machineTokens.revoke('0000000000000000', T0), false);
    });

    test('listing is per workspace, oldest first, and keeps revoked tokens', async () => {
      const { machineTokens } = handle().stores;
      const a = uniqueId('ws-a');
      const b = uniqueId('ws-b');
      const older = makeMachineToken({ workspaceId: a, createdAt: T0 });
      const newer = makeMachineToken({
        workspaceId: a,
        createdAt: T0 + 1,
        kind: 'ingest',
        dataSpace: 'default',
      });
      const elsewhere = makeMachineToken({ workspaceId: b });
      for (const t of [newer, elsewhere, older]) await machineTokens.create(t);
      await machineTokens.revoke(older.id, T0 + 2);
      assert.deepEqual(await machineTokens.listByWorkspace(a), [{ ...older, revokedAt: T0 + 2 }, newer]);
      assert.deepEqual(await machineTokens.listByWorkspace(b), [elsewhere]);
      assert.deepEqual(await machineTokens.listByWorkspace(uniqueId('ws')), []);
    });
  });
}
