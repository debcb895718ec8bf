import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMe } from './parse-me.ts';

test('reads the account, its grants, MFA state and CSRF token', () => {
  const me = parseMe({
    kind: 'user',
    user: { id: 'u1', username: 'owner', mfaEnabled: false, mustChangePassword: true, createdAt: 't' },
    grants: [{ workspaceId: 'default', roleId: 'owner', permissions: [] }, { workspaceId: 1 }],
    csrfToken: 'c',
    mfa: { enrolled: true, session: true },
  });
  assert.deepEqual(me, {
    userId: 'u1',
    username: 'owner',
    displayName: undefined,
    createdAt: 't',
    mustChangePassword: true,
    mfaEnrolled: true,
    grants: [{ workspaceId: 'default', roleId: 'owner' }],
    csrfToken: 'c',
  });
});

test('an API key or a malformed body is not a signed-in account', () => {
  for (const body of [undefined, null, {}, { kind: 'api_key', apiKey: {} }, { kind: 'user', user: {} }]) {
    assert.equal(parseMe(body), undefined, JSON.stringify(body));
  }
});
