import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventNeedles, identifierPattern, pseudonymiseEvent } from './pseudonymise-event.ts';

const pattern = identifierPattern(['alice', 'Alice.Smith@example.org', 'ab']);

test('whole-word, case-insensitive replacement in every string value; vigil metadata and field names stay', () => {
  const event = {
    '@timestamp': '2026-06-01T00:00:00Z',
    user: { name: 'ALICE', email: 'alice.smith@example.org', alice: 1 },
    message: 'Accepted password for alice from 10.0.0.1; malice and alicex untouched',
    raw: { TargetUserName: 'CORP\\alice', list: ['alice', 7, null] },
    vigil: { id: 'alice', workspace: 'default' },
  };
  assert.deepEqual(pseudonymiseEvent(event, pattern, 'person-1'), {
    '@timestamp': '2026-06-01T00:00:00Z',
    user: { name: 'person-1', email: 'person-1', alice: 1 },
    message: 'Accepted password for person-1 from 10.0.0.1; malice and alicex untouched',
    raw: { TargetUserName: 'CORP\\person-1', list: ['person-1', 7, null] },
    vigil: { id: 'alice', workspace: 'default' },
  });
  assert.equal(pseudonymiseEvent({ user: { name: 'bob' }, vigil: { id: 'alice' } }, pattern, 'p'), undefined);
});

test('identifiers shorter than 3 characters are ignored; none at all is a programming error', () => {
  assert.equal(pseudonymiseEvent({ message: 'ab cd' }, pattern, 'p'), undefined);
  assert.throws(() => identifierPattern(['ab', ' ']));
});

test('needles are lower-cased and JSON-escaped like the identifier inside stored JSON', () => {
  assert.deepEqual(eventNeedles(['Alice', 'CORP\\Bob', 'alice']), ['alice', 'corp\\\\bob']);
});
