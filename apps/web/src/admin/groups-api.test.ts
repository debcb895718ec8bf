import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGroups } from './groups-api.ts';

test('groups are read from the server answer; SSO-made memberships are marked; malformed ones skipped', () => {
  const groups = parseGroups({
    groups: [
      {
        id: 'g1',
        name: 'SOC',
        ssoGroup: 'soc',
        roles: ['analyst', 3],
        members: [
          { id: 'u-1', username: 'kim', addedBy: 'u-boss' },
          { id: 'u-2', username: 'lee', addedBy: 'oidc' },
          { id: 'u-3' },
        ],
      },
      { id: 'g2', name: 'Leads' },
      { name: 'no id' },
    ],
  });
  assert.deepEqual(groups, [
    {
      id: 'g1',
      name: 'SOC',
      ssoGroup: 'soc',
      roles: ['analyst'],
      members: [
        { id: 'u-1', username: 'kim', bySso: false },
        { id: 'u-2', username: 'lee', bySso: true },
      ],
    },
    { id: 'g2', name: 'Leads', ssoGroup: undefined, roles: [], members: [] },
  ]);
});
