import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMentions } from './mentions-api.ts';

test('mention notifications are read; other kinds and incomplete rows are dropped', () => {
  assert.deepEqual(
    parseMentions({
      notifications: [
        {
          id: 'n1',
          kind: 'mention',
          at: 5,
          actor: 'u1',
          incidentId: 'i1',
          incidentTitle: 'C2',
          excerpt: '@val look',
          readAt: 9,
        },
        { id: 'n2', kind: 'mention', incidentId: 'i2' },
        { id: 'n3', kind: 'other', incidentId: 'i3' },
        { kind: 'mention', incidentId: 'i4' },
      ],
    }),
    [
      {
        id: 'n1',
        at: 5,
        actor: 'u1',
        incidentId: 'i1',
        incidentTitle: 'C2',
        excerpt: '@val look',
        read: true,
      },
      { id: 'n2', at: 0, actor: '', incidentId: 'i2', incidentTitle: 'i2', excerpt: '', read: false },
    ],
  );
});
