import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SsoLoginState } from '@vigil/identity';
import type { IdentityStoresFactory } from './identity-contract-target.ts';
import { raceWins, useIdentityStores } from './identity-contract-target.ts';
import { T0, uniqueId } from './identity-fixtures.ts';

const pending = (): SsoLoginState => ({
  state: uniqueId('st'),
  nonce: uniqueId('n'),
  codeVerifier: uniqueId('v'),
  createdAt: T0,
});

/** Contract for `SsoLoginStateStore`: single-use pending sign-ins with expiry, shared between instances. */
export function ssoLoginStateStoreContract(name: string, factory: IdentityStoresFactory): void {
  describe(`${name}: SSO login state store contract`, () => {
    const handle = useIdentityStores(factory);

    test('a state started on one instance is taken on another, once; expired ones are refused', async () => {
      const h = handle();
      const twin = await h.twin();
      const p = pending();
      await h.stores.ssoLoginStates.put(p, T0 + 600_000);
      assert.deepEqual(await twin.ssoLoginStates.take(p.state, T0 + 1), p);
      assert.equal(await h.stores.ssoLoginStates.take(p.state, T0 + 1), undefined);
      const old = pending();
      await h.stores.ssoLoginStates.put(old, T0 + 10);
      assert.equal(await twin.ssoLoginStates.take(old.state, T0 + 10), undefined);
      assert.equal(await h.stores.ssoLoginStates.take(old.state, T0), undefined, 'take removes it anyway');
    });

    test('racing callbacks: exactly one takes the state', async () => {
      const h = handle();
      const twin = await h.twin();
      const p = pending();
      await h.stores.ssoLoginStates.put(p, T0 + 600_000);
      const wins = await raceWins(
        h.stores,
        twin,
        6,
        async (s) => (await s.ssoLoginStates.take(p.state, T0)) !== undefined,
      );
      assert.equal(wins, 1);
    });

    test('countActive counts unexpired states; purgeExpired drops the others', async () => {
      const { ssoLoginStates } = handle().stores;
      const base = T0 + 1_000_000_000;
      const before = await ssoLoginStates.countActive(base);
      await ssoLoginStates.put(pending(), base + 100);
      await ssoLoginStates.put(pending(), base + 5);
      assert.equal(await ssoLoginStates.countActive(base), before + 2);
      assert.equal(await ssoLoginStates.countActive(base + 50), before + 1);
      assert.ok((await ssoLoginStates.purgeExpired(base + 50)) >= 1);
      assert.equal(await ssoLoginStates.countActive(base + 50), before + 1);
    });
  });
}
