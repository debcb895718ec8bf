import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suppressionCandidates } from './suppression-candidates.ts';

test('one candidate per entity field, host and user preselected, first value per field wins', () => {
  const alert = {
    entities: [
      { type: 'host', value: 'ws01', fields: ['host.name', 'host.hostname'] },
      { type: 'ip', value: '10.0.0.5', fields: ['source.ip'] },
      { type: 'user', value: 'alice', fields: ['user.name'] },
      { type: 'host', value: 'ws02', fields: ['host.name'] },
      { type: 'file', fields: ['file.path'] },
    ],
  };
  assert.deepEqual(suppressionCandidates(alert), [
    { field: 'host.name', value: 'ws01', preselected: true },
    { field: 'host.hostname', value: 'ws01', preselected: true },
    { field: 'source.ip', value: '10.0.0.5', preselected: false },
    { field: 'user.name', value: 'alice', preselected: true },
  ]);
  assert.deepEqual(suppressionCandidates({}), []);
  assert.deepEqual(suppressionCandidates(null), []);
});
