import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { IdentityStoresFactory } from './identity-contract-target.ts';
import { raceWins, useIdentityStores } from './identity-contract-target.ts';
import { T0, uniqueId } from './identity-fixtures.ts';

/** Contract for `LoginThrottleStore`: counters with expiry, shared between instances. */
export function loginThrottleStoreContract(name: string, factory: IdentityStoresFactory): void {
  describe(`${name}: login throttle store contract`, () => {
    const handle = useIdentityStores(factory);

    test('put, get before expiry, nothing at or after it, replace, delete', async () => {
      const { loginThrottle } = handle().stores;
      const key = uniqueId('account:');
      await loginThrottle.put(key, { failures: 5, windowStart: T0, lockedUntil: T0 + 60_000 }, T0 + 1000);
      assert.deepEqual(await loginThrottle.get(key, T0 + 999), {
        failures: 5,
        windowStart: T0,
        lockedUntil: T0 + 60_000,
      });
      assert.equal(await loginThrottle.get(key, T0 + 1000), undefined);
      await loginThrottle.put(key, { failures: 1, windowStart: T0 }, T0 + 5000);
      assert.deepEqual(await loginThrottle.get(key, T0 + 2000), { failures: 1, windowStart: T0 });
      await loginThrottle.delete(key);
      assert.equal(await loginThrottle.get(key, T0), undefined);
    });

    test('a second instance (another process) sees the same counters; purge drops only expired ones', async () => {
      const h = handle();
      const twin = await h.twin();
      const live = uniqueId('address:');
      const dead = uniqueId('address:');
      await h.stores.loginThrottle.put(live, { failures: 30, windowStart: T0 }, T0 + 10_000);
      await h.stores.loginThrottle.put(dead, { failures: 2, windowStart: T0 }, T0 + 10);
      assert.equal((await twin.loginThrottle.get(live, T0 + 1))?.failures, 30);
      assert.ok((await twin.loginThrottle.purgeExpired(T0 + 100)) >= 1);
      assert.equal(await h.stores.loginThrottle.get(dead, T0), undefined, 'purged even when read early');
      assert.equal((await h.stores.loginThrottle.get(live, T0 + 1))?.failures, 30);
    });

    test('concurrent updates from two instances all count (atomic read-modify-write)', async () => {
      const h = handle();
      const twin = await h.twin();
      const key = uniqueId('account:');
      const bump = (current: { failures: number; windowStart: number } | undefined) => ({
        state: { failures: (current?.failures ?? 0) + 1, windowStart: T0 },
        expiresAt: T0 + 60_000,
      });
      await raceWins(h.stores, twin, 8, async (s) => {
        await s.loginThrottle.update(key, T0, bump);
        return true;
      });
      assert.equal((await h.stores.loginThrottle.get(key, T0))?.failures, 8);
      const expired = await h.stores.loginThrottle.update(key, T0 + 60_000, bump);
      assert.equal(expired.failures, 1, 'an expired state starts over');
    });
  });
}
