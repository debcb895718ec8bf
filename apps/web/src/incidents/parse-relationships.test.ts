import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRelationships } from './parse-relationships.ts';

test('links and suggestions are read; incomplete rows are dropped', () => {
  const parsed = parseRelationships({
    relationships: [
      {
        id: 'l1',
        kind: 'indicator',
        type: 'ip',
        value: '203.0.113.9',
        note: 'C2',
        addedAt: 5,
        addedBy: 'u1',
      },
      { id: 'l2', kind: 'asset', type: 'host' },
    ],
    suggestions: [
      { kind: 'asset', type: 'host', value: 'ws01', reason: 'seen host of 1 alert' },
      { kind: 'asset' },
    ],
  });
  assert.deepEqual(parsed.relationships, [
    { id: 'l1', kind: 'indicator', type: 'ip', value: '203.0.113.9', note: 'C2', addedAt: 5, addedBy: 'u1' },
  ]);
  assert.deepEqual(parsed.suggestions, [
    { kind: 'asset', type: 'host', value: 'ws01', reason: 'seen host of 1 alert' },
  ]);
  assert.deepEqual(parseRelationships('nonsense'), { relationships: [], suggestions: [] });
});
