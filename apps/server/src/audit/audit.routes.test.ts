import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AuditRecord } from '@vigil/identity';
import { addUser, authFixture, login } from '../auth/testing/auth-fixture.ts';
import { auditRecordsToCsv } from './audit-csv.ts';

const PASSWORD = 'Audit-Passw0rd-1';

test('auditors read and export the workspace audit log; reads are audited; nothing edits it', async () => {
  const { app, rt } = await authFixture();
  await addUser(rt, 'own', PASSWORD, [['owner', 'ws-a'], ['platform-admin']]);
  await addUser(rt, 'aud', PASSWORD, [['auditor', 'ws-a']]);
  await addUser(rt, 'ana', PASSWORD, [['analyst', 'ws-a']]);
  const owner = await login(app, 'own', PASSWORD);
  await app.inject({
    method: 'PATCH',
    url: '/api/v1/workspaces/ws-a',
    headers: owner.headers,
    payload: { name: 'Renamed' },
  });
  const auditor = await login(app, 'aud', PASSWORD);
  const analyst = await login(app, 'ana', PASSWORD);
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/v1/workspaces/ws-a/audit', headers: analyst.headers }))
      .statusCode,
    403,
  );

  const res = await app.inject({
    method: 'GET',
    url: '/api/v1/workspaces/ws-a/audit',
    headers: auditor.headers,
  });
  assert.equal(res.statusCode, 200);
  const records = res.json<{ records: AuditRecord[] }>().records;
  const update = records.find((r) => r.event_type === 'workspace.updated');
  assert.ok(update);
  assert.equal(update.user_id, 'u-own');
  assert.equal(update.resource, 'workspace:ws-a');
  assert.equal(update.result, 'success');
  assert.ok(update.client_ip && update.request_id && update.time);
  assert.ok(
    records.every((r) => r.workspace === 'ws-a'),
    'only this workspace',
  );
  const denied = records.find((r) => r.event_type === 'access.denied');
  assert.equal(denied?.user_id, 'u-ana');

  const filtered = await app.inject({
    method: 'GET',
    url: '/api/v1/workspaces/ws-a/audit?eventType=audit.read',
    headers: auditor.headers,
  });
  assert.equal(
    filtered.json<{ records: AuditRecord[] }>().records.length,
    1,
    'the first read was itself audited',
  );

  const csv = await app.inject({
    method: 'GET',
    url: '/api/v1/workspaces/ws-a/audit/export?format=csv',
    headers: auditor.headers,
  });
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /^text\/csv/);
  assert.match(csv.body, /^seq,time,event_type,user_id,/);
  assert.match(csv.body, /workspace\.updated/);
  const json = await app.inject({
    method: 'GET',
    url: '/api/v1/workspaces/ws-a/audit/export',
    headers: auditor.headers,
  });
  assert.ok(json.json<{ records: unknown[] }>().records.length >= 3);

  for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
    const r = await app.inject({
      method,
      url: '/api/v1/workspaces/ws-a/audit',
      headers: owner.headers,
      payload: {},
    });
    assert.equal(r.statusCode, 404, `${method} has no route`);
  }
  const verification = await app.inject({
    method: 'GET',
    url: '/api/v1/audit/verification',
    headers: owner.headers,
  });
  assert.equal(verification.statusCode, 200);
  assert.equal(verification.json<{ ok: boolean }>().ok, true);
  await app.close();
});

test('CSV export quotes separators and defuses spreadsheet formulas', () => {
  const record = {
    seq: 1,
    time: '2026-01-01T00:00:00.000Z',
    event_type: 'user.created',
    user_id: '=cmd|calc',
    resource: 'a,"b"',
    workspace: null,
    client_ip: null,
    client_id: null,
    result: 'success',
    request_id: null,
    prev_hash: '0',
    hash: '1',
  } satisfies AuditRecord;
  const line = auditRecordsToCsv([record]).split('\r\n')[1] ?? '';
  assert.ok(line.includes(`'=cmd|calc`));
  assert.ok(line.includes('"a,""b"""'));
});

test('a management write whose handler forgot to audit is still audited (api.write)', async () => {
  const { app, rt } = await authFixture({
    routes: (a) => {
      a.post('/api/v1/workspaces/:workspaceId/widgets', { config: { permission: 'rules.write' } }, () => ({
        ok: true,
      }));
    },
  });
  await addUser(rt, 'own', PASSWORD, [['owner', 'ws-a']]);
  const s = await login(app, 'own', PASSWORD);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/ws-a/widgets',
    headers: s.headers,
    payload: {},
  });
  assert.equal(res.statusCode, 200);
  const records = await rt.stores.audit.find({ eventType: 'api.write' });
  assert.equal(records.length, 1);
  assert.equal(records[0]?.resource, 'route:POST /api/v1/workspaces/:workspaceId/widgets');
  assert.equal(records[0]?.workspace, 'ws-a');
  assert.equal(records[0]?.user_id, 'u-own');
  // Handlers that audit themselves are not recorded twice.
  await app.inject({
    method: 'PATCH',
    url: '/api/v1/workspaces/ws-a',
    headers: s.headers,
    payload: { name: 'x' },
  });
  assert.equal((await rt.stores.audit.find({ eventType: 'api.write' })).length, 1);
  await app.close();
});
