import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePermissions, permissionAreas } from './permissions-api.ts';

test('the catalogue is read from the server answer; malformed entries are skipped', () => {
  const list = parsePermissions({
    permissions: [
      { id: 'alerts.read', scope: 'workspace', description: 'See alerts' },
      { id: 'alerts.write', scope: 'workspace' },
      { id: 'system.metrics', scope: 'platform', description: 'Metrics' },
      { id: 'odd', scope: 'galaxy' },
      'nope',
    ],
  });
  assert.deepEqual(
    list.map((p) => [p.id, p.scope, p.description]),
    [
      ['alerts.read', 'workspace', 'See alerts'],
      ['alerts.write', 'workspace', ''],
      ['system.metrics', 'platform', 'Metrics'],
    ],
  );
  assert.deepEqual(permissionAreas(list), ['alerts', 'system']);
  assert.deepEqual(parsePermissions(undefined), []);
});
