import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { IdentityStoresFactory } from './identity-contract-target.ts';
import { useIdentityStores } from './identity-contract-target.ts';
import { makeUser } from './identity-fixtures.ts';

/** Contract for `UserStore.createFirst`, the commit point of first-run set-up (own, empty database). */
export function firstUserContract(name: string, factory: IdentityStoresFactory): void {
  describe(`${name}: first account contract`, () => {
    const handle = useIdentityStores(factory);

    test('concurrent first-account claims from two instances: exactly one account is created', async () => {
      const h = handle();
      const twin = await h.twin();
      const candidates = Array.from({ length: 6 }, (_, i) => makeUser({ username: `owner-${i}` }));
      const results = await Promise.all(
        candidates.map((u, i) => (i % 2 === 0 ? h.stores : twin).users.createFirst(u)),
      );
      assert.equal(results.filter(Boolean).length, 1);
      assert.equal(await h.stores.users.count(), 1);
      const winner = candidates[results.indexOf(true)];
      assert.equal((await twin.users.get(winner?.id ?? ''))?.username, winner?.username);
      assert.equal(await h.stores.users.createFirst(makeUser()), false, 'never once an account exists');
    });
  });
}
