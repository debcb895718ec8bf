import { test } from 'node:test';
import assert from 'node:assert/strict';
import { usernameKey } from './user.ts';

test('usernameKey folds case, width and surrounding spaces', () => {
  assert.equal(usernameKey(' Alice '), 'alice');
  assert.equal(usernameKey('ＡＬＩＣＥ'), 'alice');
  assert.notEqual(usernameKey('alice'), usernameKey('alice2'));
});
