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

test('the export honours the viewer filters and either order; list is newest first; both are audited', async () => {
  const { app, rt, clock } = await authFixture();
  await addUser(rt, 'own', PASSWORD, [['owner', 'ws-a']]);
  await addUser(rt, 'aud', PASSWORD, [['auditor', 'ws-a']]);
  const owner = await login(app, 'own', PASSWORD);
  const t0 = clock.now();
  for (const name of ['One', 'Two', 'Three']) {
    clock.advance(60_000);
    await app.inject({
      method: 'PATCH',
      url: '/api/v1/workspaces/ws-a',
      headers: owner.headers,
      payload: { name },
    });
  }
  const auditor = await login(app, 'aud', PASSWORD);
  const get = (url: string) => app.inject({ method: 'GET', url, headers: auditor.headers });
  const seqs = (r: { json<T>(): T }) => r.json<{ records: AuditRecord[] }>().records.map((x) => x.seq);
  const list = await get(
    '/api/v1/workspaces/ws-a/audit?eventType=workspace.updated&userId=u-own&result=success',
  );
  const newestFirst = seqs(list);
  assert.equal(newestFirst.length, 3);
  assert.deepEqual(
    newestFirst,
    [...newestFirst].sort((a, b) => b - a),
    'the viewer shows newest first',
  );

  const exported = await get(
    '/api/v1/workspaces/ws-a/audit/export?eventType=workspace.updated&userId=u-own&result=success',
  );
  assert.deepEqual(seqs(exported), [...newestFirst].reverse(), 'same records, oldest first');
  const desc = await get('/api/v1/workspaces/ws-a/audit/export?eventType=workspace.updated&order=desc');
  assert.deepEqual(seqs(desc), newestFirst);
  const from = new Date(t0 + 90_000).toISOString();
  const to = new Date(t0 + 150_000).toISOString();
  const ranged = await get(
    `/api/v1/workspaces/ws-a/audit/export?eventType=workspace.updated&from=${from}&to=${to}`,
  );
  assert.deepEqual(seqs(ranged), [newestFirst[1]], 'only the middle change falls in the time range');
  const csv = await get(
    `/api/v1/workspaces/ws-a/audit/export?format=csv&eventType=workspace.updated&result=failure`,
  );
  assert.equal(csv.body.trim().split('\n').length, 1, 'header only: no failed updates');
  const bad = await get(`/api/v1/workspaces/ws-a/audit/export?from=${to}&to=${from}`);
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json<{ error: { details: { field: string } } }>().error.details.field, 'from');

  // Paging backwards through the newest-first list.
  const page1 = await get('/api/v1/workspaces/ws-a/audit?eventType=workspace.updated&limit=2');
  const body1 = page1.json<{ next: string; nextParam: string }>();
  assert.equal(body1.nextParam, 'beforeSeq');
  const page2 = await get(
    `/api/v1/workspaces/ws-a/audit?eventType=workspace.updated&limit=2&beforeSeq=${body1.next}`,
  );
  assert.deepEqual([...seqs(page1), ...seqs(page2)], newestFirst);

  const reads = await rt.stores.audit.find({ workspace: 'ws-a', eventType: 'audit.exported', limit: 100 });
  assert.equal(reads.length, 4, 'each successful export is itself audited');
  assert.deepEqual(reads[0]?.details?.['filters'], {
    eventType: 'workspace.updated',
    userId: 'u-own',
    result: 'success',
    order: 'asc',
  });
  assert.ok(
    (await rt.stores.audit.find({ workspace: 'ws-a', eventType: 'audit.read', limit: 100 })).length >= 3,
  );
  await app.close();
});
