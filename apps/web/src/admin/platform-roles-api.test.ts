import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlatformAccounts } from './platform-roles-api.ts';

test('platform accounts are read from the server answer; malformed entries are skipped', () => {
  const parsed = parsePlatformAccounts({
    users: [
      { id: 'u-1', username: 'root', platformRoles: ['platform-admin', 7], disabled: false },
      { id: 'u-2', username: 'op', displayName: 'Olga', disabled: true },
      { id: 'u-3' },
      'nope',
    ],
    available: [
      { id: 'operator', name: 'Platform operator', permissions: ['system.metrics'] },
      { name: 'x' },
    ],
    next: 'u-2',
  });
  assert.deepEqual(
    parsed.users.map((u) => [u.id, u.username, u.displayName, u.disabled, u.platformRoles]),
    [
      ['u-1', 'root', undefined, false, ['platform-admin']],
      ['u-2', 'op', 'Olga', true, []],
    ],
  );
  assert.deepEqual(parsed.available, [
    { id: 'operator', name: 'Platform operator', permissions: ['system.metrics'] },
  ]);
  assert.equal(parsed.next, 'u-2');
  assert.deepEqual(parsePlatformAccounts(undefined), { users: [], available: [], next: undefined });
});
