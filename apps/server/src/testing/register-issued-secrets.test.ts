import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_SECRETS_DIR_ENV } from '@vigil/testkit';
import { addUser, authFixture, login } from '../auth/testing/auth-fixture.ts';

const PASSWORD = 'Registry-Passw0rd-7';

/** Runs `body` with the registry pointed at a fresh directory, then returns what landed there. */
async function withRegistry(body: () => Promise<void>): Promise<{ secrets: string[]; logs: string }> {
  const previous = process.env[TEST_SECRETS_DIR_ENV];
  const dir = mkdtempSync(join(tmpdir(), 'vigil-registry-'));
  process.env[TEST_SECRETS_DIR_ENV] = dir;
  try {
    await body();
    const files = readdirSync(dir);
    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    const secrets = files
      .filter((f) => f.startsWith('secrets-'))
      .flatMap((f) => read(f).split('\n').filter(Boolean))
      .map((l) => (JSON.parse(l) as { value: string }).value);
    return {
      secrets,
      logs: files
        .filter((f) => f.endsWith('.log'))
        .map(read)
        .join(''),
    };
  } finally {
    if (previous === undefined) delete process.env[TEST_SECRETS_DIR_ENV];
    else process.env[TEST_SECRETS_DIR_ENV] = previous;
    rmSync(dir, { recursive: true, force: true });
  }
}

test('test servers register the credentials they issue and hand their log to the scan', async () => {
  let token = '';
  let cookie = '';
  const { secrets, logs } = await withRegistry(async () => {
    const { app, rt } = await authFixture();
    await addUser(rt, 'kim', PASSWORD, [['owner', 'ws-a']]);
    const s = await login(app, 'kim', PASSWORD);
    cookie = s.cookie;
    // Created inline, as many tests do: no test code registers it.
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/workspaces/ws-a/api-keys',
      headers: s.headers,
      payload: { name: 'ci', role: 'analyst' },
    });
    assert.equal(created.statusCode, 201, created.body);
    token = created.json<{ token: string }>().token;
    const listed = await app.inject({ url: '/api/v1/workspaces/ws-a/api-keys', headers: s.headers });
    assert.equal(listed.statusCode, 200, listed.body);
    await app.close();
  });
  assert.ok(token.length > 20 && secrets.includes(token), 'the issued API key is registered');
  assert.ok(secrets.includes(cookie), 'the session id is registered');
  assert.ok(secrets.includes(PASSWORD), 'the fixture password is registered');
  assert.match(logs, /"msg"/, 'the server log reached the scan directory');
  assert.ok(!logs.includes(token), 'and it does not contain the key');
});
