import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseWorkspaces } from './parse-workspaces.ts';

test('reads a wrapped or bare list, naming a workspace by its id when it has no name', () => {
  const expected = [
    { id: 'default', name: 'Default' },
    { id: 'soc', name: 'soc' },
  ];
  assert.deepEqual(
    parseWorkspaces({ workspaces: [{ id: 'default', name: 'Default' }, { id: 'soc' }] }),
    expected,
  );
  assert.deepEqual(
    parseWorkspaces([
      { id: 'default', name: 'Default' },
      { id: 'soc', name: '' },
    ]),
    expected,
  );
});

test('anything else yields no workspaces, so the switcher stays hidden', () => {
  for (const body of [
    undefined,
    null,
    'x',
    42,
    {},
    { workspaces: 'x' },
    [null, 1, { id: '' }, { name: 'n' }],
  ]) {
    assert.deepEqual(parseWorkspaces(body), [], JSON.stringify(body));
  }
});

test('an archived workspace is marked so the console can say it is read-only', () => {
  assert.deepEqual(
    parseWorkspaces({
      workspaces: [
        { id: 'old', name: 'Old', status: 'archived' },
        { id: 'new', name: 'New', status: 'active' },
      ],
    }),
    [
      { id: 'old', name: 'Old', archived: true },
      { id: 'new', name: 'New' },
    ],
  );
});
