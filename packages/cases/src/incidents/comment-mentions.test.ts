import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commentMentions, resolveMentions } from './comment-mentions.ts';

test('mentions are found at word starts, once each, without a sentence-ending dot', () => {
  assert.deepEqual(commentMentions('@ana please check, cc @bob.smith and @Ana.'), ['ana', 'bob.smith']);
  assert.deepEqual(commentMentions('mail me at ana@example.org'), []);
  assert.deepEqual(commentMentions('ask @zoë\n@kim_2'), ['zoë', 'kim_2']);
});

test('names resolve to members by username, case-insensitively; the rest stay unknown', () => {
  const members = [
    { id: 'u1', username: 'ana', displayName: 'Ana Lima' },
    { id: 'u2', username: 'Bob.Smith' },
  ];
  assert.deepEqual(resolveMentions(['ANA', 'bob.smith', 'zed', 'Ana Lima'], members), {
    members: [
      { userId: 'u1', username: 'ana' },
      { userId: 'u2', username: 'Bob.Smith' },
    ],
    unknown: ['zed', 'Ana Lima'],
  });
  assert.deepEqual(resolveMentions([], members), { members: [], unknown: [] });
});
