import assert from 'node:assert/strict';
import { test } from 'node:test';
import { temporaryPassword } from './temporary-password.ts';

test('temporary passwords are long, mix letter cases and digits, and differ each time', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 50; i++) {
    const p = temporaryPassword();
    assert.match(p, /^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
    assert.match(p, /[a-z]/);
    assert.match(p, /[A-Z]/);
    assert.match(p, /[0-9]/);
    seen.add(p);
  }
  assert.equal(seen.size, 50);
});
