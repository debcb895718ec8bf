import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, authFixture, login } from '../auth/testing/auth-fixture.ts';
import { issueIngestToken } from '../auth/issue-ingest-token.ts';

const PASSWORD = 'Archive-Passw0rd-1';
type ErrorJson = { error: { code: string; message: string } };

test('an archived workspace stays readable but refuses every write, ingest included, until restored', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'boss', PASSWORD, [['owner', 'ws-a']]);
  const boss = await login(app, 'boss', PASSWORD);
  const { token } = await issueIngestToken(rt, {
    workspaceId: 'ws-a',
    dataSpace: 'default',
    name: 'fw',
    createdBy: 'u-boss',
  });
  const h = boss.headers;
  assert.equal(
    (await app.inject({ method: 'POST', url: '/api/v1/workspaces/ws-a/archive', headers: h })).statusCode,
    200,
  );

  const writes = [
    { method: 'PATCH', url: '/api/v1/workspaces/ws-a', payload: { name: 'Renamed' } },
    { method: 'POST', url: '/api/v1/workspaces/ws-a/groups', payload: { name: 'Late' } },
    {
      method: 'PUT',
      url: '/api/v1/workspaces/ws-a/roles/triage',
      payload: { name: 'T', permissions: ['alerts.read'] },
    },
    { method: 'POST', url: '/api/v1/workspaces/ws-a/archive', payload: undefined },
  ] as const;
  for (const w of writes) {
    const res = await app.inject({
      method: w.method,
      url: w.url,
      headers: h,
      ...(w.payload ? { payload: w.payload } : {}),
    });
    assert.equal(res.statusCode, 409, `${w.method} ${w.url}`);
    assert.equal(res.json<ErrorJson>().error.code, 'WORKSPACE_ARCHIVED');
    assert.match(res.json<ErrorJson>().error.message, /archived/);
  }
  const ingest = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-a/ingest',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
    payload: '{"message":"late"}\n',
  });
  assert.equal(ingest.statusCode, 409, ingest.body);
  assert.equal(ingest.json<ErrorJson>().error.code, 'WORKSPACE_ARCHIVED');

  for (const url of [
    '/api/v1/workspaces/ws-a',
    '/api/v1/workspaces/ws-a/users',
    '/api/v1/workspaces/ws-a/audit',
  ]) {
    assert.equal((await app.inject({ method: 'GET', url, headers: h })).statusCode, 200, url);
  }
  const exported = await app.inject({
    method: 'GET',
    url: '/api/v1/workspaces/ws-a/audit/export?format=json',
    headers: h,
  });
  assert.equal(exported.statusCode, 200);
  assert.equal((await rt.stores.workspaces.get('ws-a'))?.name, 'ws-a', 'nothing was half-written');

  // Scheduling deletion is refused writes the same way, but restore is the way out.
  const scheduled = await app.inject({ method: 'DELETE', url: '/api/v1/workspaces/ws-a', headers: h });
  assert.equal(scheduled.statusCode, 200);
  const deleting = await app.inject({
    method: 'PATCH',
    url: '/api/v1/workspaces/ws-a',
    headers: h,
    payload: { name: 'X' },
  });
  assert.equal(deleting.json<ErrorJson>().error.code, 'WORKSPACE_DELETING');
  assert.equal(
    (await app.inject({ method: 'POST', url: '/api/v1/workspaces/ws-a/restore', headers: h })).statusCode,
    200,
  );
  const renamed = await app.inject({
    method: 'PATCH',
    url: '/api/v1/workspaces/ws-a',
    headers: h,
    payload: { name: 'Renamed' },
  });
  assert.equal(renamed.statusCode, 200);
  await app.close();
});
