import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { IdentityStoresFactory } from './identity-contract-target.ts';
import { useIdentityStores } from './identity-contract-target.ts';
import { makeSession, T0, uniqueId } from './identity-fixtures.ts';

const byKey = <T extends { key: string }>(list: T[]) => [...list].sort((a, b) => (a.key < b.key ? -1 : 1));

/** Contract for `SessionStore`. */
export function sessionStoreContract(name: string, factory: IdentityStoresFactory): void {
  describe(`${name}: session store contract`, () => {
    const handle = useIdentityStores(factory);

    test('put, get, touch and replace a session', async () => {
      const { sessions } = handle().stores;
      const s = makeSession({ userId: uniqueId('u'), clientIp: '192.0.2.7', userAgent: 'curl/8', mfa: true });
      await sessions.put(s);
      assert.deepEqual(await sessions.get(s.key), s);
      await sessions.touch(s.key, T0 + 60_000);
      assert.deepEqual(await sessions.get(s.key), { ...s, lastSeenAt: T0 + 60_000 });
      const { clientIp: _c, userAgent: _u, ...bare } = { ...s, privilegeEpoch: 3 };
      await sessions.put(bare);
      assert.deepEqual(await sessions.get(s.key), bare);
      await sessions.touch(uniqueId('missing'), T0);
      assert.equal(await sessions.get(uniqueId('missing')), undefined);
    });

    test('delete one, list and delete every session of a user (sign out everywhere)', async () => {
      const { sessions } = handle().stores;
      const userId = uniqueId('u');
      const other = makeSession({ userId: uniqueId('u') });
      const mine = [
        makeSession({ userId }),
        makeSession({ userId, issuedAt: T0 + 1 }),
        makeSession({ userId }),
      ];
      for (const s of [...mine, other]) await sessions.put(s);
      assert.deepEqual(byKey(await sessions.listByUser(userId)), byKey(mine));
      assert.equal(await sessions.delete(mine[0]?.key ?? ''), true);
      assert.equal(await sessions.delete(mine[0]?.key ?? ''), false);
      assert.equal(await sessions.deleteByUser(userId), 2);
      assert.deepEqual(await sessions.listByUser(userId), []);
      assert.deepEqual(await sessions.get(other.key), other);
    });

    test('deleteExpired removes absolute-expired and idle sessions only', async () => {
      const { sessions } = handle().stores;
      const userId = uniqueId('u');
      const now = T0 + 10_000;
      const expired = makeSession({ userId, expiresAt: now, lastSeenAt: now });
      const idle = makeSession({ userId, lastSeenAt: T0 + 100 });
      const live = makeSession({ userId, lastSeenAt: T0 + 5_000 });
      for (const s of [expired, idle, live]) await sessions.put(s);
      // Global sweep: other tests' stale sessions may go too, so count at least these two.
      assert.ok((await sessions.deleteExpired(now, T0 + 100)) >= 2);
      assert.deepEqual(await sessions.listByUser(userId), [live]);
    });
  });
}
