import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkSetupToken, hashSetupToken, issueSetupToken } from '@vigil/identity';
import type { IdentityStoresFactory } from './identity-contract-target.ts';
import { raceWins, useIdentityStores } from './identity-contract-target.ts';
import { T0 } from './identity-fixtures.ts';

/** Contract for `SetupTokenStore`: one pending token, replaced by a new one, consumed atomically once. */
export function setupTokenStoreContract(name: string, factory: IdentityStoresFactory): void {
  describe(`${name}: setup token store contract`, () => {
    const handle = useIdentityStores(factory);

    test('replace and current round-trip; a new token replaces the old one', async () => {
      const { setupTokens } = handle().stores;
      const first = issueSetupToken(T0);
      await setupTokens.replace(first.record);
      assert.deepEqual(await setupTokens.current(), first.record);
      const second = issueSetupToken(T0 + 5);
      await setupTokens.replace(second.record);
      assert.deepEqual(await setupTokens.current(), second.record);
      assert.equal(await setupTokens.consume(first.record.hash, T0 + 6), false, 'the replaced token is dead');
      assert.equal(checkSetupToken(await setupTokens.current(), first.token, T0 + 6).ok, false);
    });

    test('consume marks the token used once; expiry is checked against the stored record', async () => {
      const { setupTokens } = handle().stores;
      const { token, record } = issueSetupToken(T0, 1_000);
      await setupTokens.replace(record);
      assert.deepEqual(checkSetupToken(await setupTokens.current(), token, T0 + 1_000), {
        ok: false,
        reason: 'expired',
      });
      assert.equal(await setupTokens.consume(hashSetupToken(token), T0 + 10), true);
      assert.equal(await setupTokens.consume(hashSetupToken(token), T0 + 11), false);
      assert.deepEqual(await setupTokens.current(), { ...record, usedAt: T0 + 10 });
      assert.deepEqual(checkSetupToken(await setupTokens.current(), token, T0 + 12), {
        ok: false,
        reason: 'used',
      });
    });

    test('two concurrent redemptions (two instances): exactly one wins', async () => {
      const { stores } = handle();
      const twin = await handle().twin();
      const { token, record } = issueSetupToken(T0);
      await stores.setupTokens.replace(record);
      const hash = hashSetupToken(token);
      assert.equal(await raceWins(stores, twin, 8, (s) => s.setupTokens.consume(hash, T0 + 1)), 1);
    });
  });
}
