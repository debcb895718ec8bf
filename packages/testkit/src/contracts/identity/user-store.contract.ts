import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rejectsWith } from '../contract-fixtures.ts';
import type { IdentityStoresFactory } from './identity-contract-target.ts';
import { useIdentityStores } from './identity-contract-target.ts';
import { makeUser, T0, uniqueId } from './identity-fixtures.ts';

/** Contract for `UserStore`. */
export function userStoreContract(name: string, factory: IdentityStoresFactory): void {
  describe(`${name}: user store contract`, () => {
    const handle = useIdentityStores(factory);

    test('create, get and getByUsername round-trip every field; optional fields stay absent', async () => {
      const { users } = handle().stores;
      const full = makeUser({
        displayName: 'Ada Lovelace',
        email: 'ada@example.test',
        disabled: true,
        mustChangePassword: true,
        mfaEnabled: true,
        updatedAt: T0 + 5,
      });
      const { passwordHash: _unused, ...oidcOnly } = makeUser();
      await users.create(full);
      await users.create(oidcOnly);
      assert.deepEqual(await users.get(full.id), full);
      assert.deepEqual(await users.get(oidcOnly.id), oidcOnly);
      assert.deepEqual(await users.getByUsername(full.username), full);
      assert.equal(await users.get(uniqueId('missing')), undefined);
      assert.equal(await users.getByUsername('nobody-at-all'), undefined);
    });

    test('usernames are unique case-insensitively; lookups ignore case', async () => {
      const { users } = handle().stores;
      const name = uniqueId('Alice');
      const alice = makeUser({ username: name });
      await users.create(alice);
      await rejectsWith(users.create(makeUser({ username: name.toUpperCase() })), 'USERNAME_TAKEN', 'user');
      await rejectsWith(
        users.create(makeUser({ id: alice.id, username: uniqueId('x') })),
        'USER_EXISTS',
        'user',
      );
      assert.equal((await users.getByUsername(name.toLowerCase()))?.id, alice.id);
    });

    test('update replaces the account, refuses a rename onto another name and reports a missing one', async () => {
      const { users } = handle().stores;
      const a = makeUser();
      const b = makeUser();
      await users.create(a);
      await users.create(b);
      const changed = { ...a, username: uniqueId('Renamed'), disabled: true, updatedAt: T0 + 9 };
      assert.equal(await users.update(changed), true);
      assert.deepEqual(await users.get(a.id), changed);
      assert.equal(await users.getByUsername(a.username), undefined);
      await rejectsWith(
        users.update({ ...b, username: changed.username.toLowerCase() }),
        'USERNAME_TAKEN',
        'user',
      );
      assert.deepEqual(await users.get(b.id), b);
      assert.equal(await users.update(makeUser()), false);
      // Changing only the case of one's own name is not a clash.
      assert.equal(await users.update({ ...changed, username: changed.username.toUpperCase() }), true);
    });

    test('list pages by id; count and delete', async () => {
      const { users } = handle().stores;
      const before = await users.count();
      const prefix = uniqueId('page');
      const ids = ['c', 'a', 'b'].map((s) => `${prefix}-${s}`);
      for (const id of ids) await users.create(makeUser({ id }));
      assert.equal(await users.count(), before + 3);
      const all = await users.list({ limit: 1000 });
      const mine = all.map((u) => u.id).filter((id) => id.startsWith(prefix));
      assert.deepEqual(mine, [...ids].sort());
      const page = await users.list({ after: `${prefix}-a`, limit: 1 });
      assert.deepEqual(
        page.map((u) => u.id),
        [`${prefix}-b`],
      );
      assert.equal(await users.delete(`${prefix}-a`), true);
      assert.equal(await users.delete(`${prefix}-a`), false);
      assert.equal(await users.count(), before + 2);
    });
  });
}
