import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Storage } from '@vigil/core';
import { fixtureEvents } from '@vigil/query/testing';
import { openSqliteStorage } from '@vigil/store-sqlite';
import { addUser, authFixture, login } from '../auth/testing/auth-fixture.ts';
import type { AuthFixture, Session } from '../auth/testing/auth-fixture.ts';

const PASSWORD = 'Correct-Horse-42!';
const URL = '/api/v1/workspaces/ws-a/events/search';
const RANGE = { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' };

describe('search API', () => {
  let dir: string;
  let storage: Storage;
  let fx: AuthFixture;
  let analyst: Session;
  let viewer: Session;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-search-api-'));
    storage = await openSqliteStorage({ dataDir: dir });
    await storage.migrate();
    await storage.events.append(
      fixtureEvents.map((e) => ({ ...e, vigil: { ...e.vigil, workspace: 'ws-a' } })),
    );
    await storage.events.append(
      fixtureEvents.map((e) => ({ ...e, vigil: { ...e.vigil, workspace: 'ws-b' } })),
    );
    fx = await authFixture({ storage });
    await addUser(fx.rt, 'ana', PASSWORD, [['analyst', 'ws-a']]);
    await addUser(fx.rt, 'vic', PASSWORD, [['viewer', 'ws-a']]);
    analyst = await login(fx.app, 'ana', PASSWORD);
    viewer = await login(fx.app, 'vic', PASSWORD);
  });
  after(async () => {
    await fx.app.close();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (session: Session, payload: Record<string, unknown>, url = URL) =>
    fx.app.inject({ method: 'POST', url, headers: session.headers, payload });

  test('searches events of the workspace, newest first, paged by cursor', async () => {
    const first = await post(analyst, { query: 'event.category:authentication', ...RANGE, limit: 3 });
    assert.equal(first.statusCode, 200, first.body);
    const body = first.json<{ events: { vigil: { id: string; workspace: string } }[]; next?: string }>();
    assert.deepEqual(
      body.events.map((e) => e.vigil.id),
      ['ct-1', 'ssh-4', 'ssh-3'],
    );
    assert.ok(body.events.every((e) => e.vigil.workspace === 'ws-a'));
    assert.ok(body.next);
    const second = await post(analyst, {
      query: 'event.category:authentication',
      ...RANGE,
      limit: 3,
      cursor: body.next,
    });
    const rest = second.json<{ events: { vigil: { id: string } }[]; next?: string }>();
    assert.deepEqual(
      rest.events.map((e) => e.vigil.id),
      ['ssh-2', 'ssh-1'],
    );
    assert.equal(rest.next, undefined);
  });

  test('stats and timechart answer rows and columns under "stats"', async () => {
    const res = await post(analyst, {
      query: 'event.category:authentication | stats count() as n by user.name | sort -n | head 2',
      ...RANGE,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), {
      events: [],
      stats: {
        rows: [
          { 'user.name': 'root', n: 2 },
          { 'user.name': 'Mallory', n: 1 },
        ],
        columns: ['user.name', 'n'],
      },
    });
    const chart = await post(analyst, { query: '| timechart span=6h count()', ...RANGE });
    assert.deepEqual(chart.json<{ stats: { rows: unknown[] } }>().stats.rows, [
      { '@timestamp': '2026-03-01T00:00:00.000Z', 'count()': 0 },
      { '@timestamp': '2026-03-01T06:00:00.000Z', 'count()': 10 },
      { '@timestamp': '2026-03-01T12:00:00.000Z', 'count()': 2 },
      { '@timestamp': '2026-03-01T18:00:00.000Z', 'count()': 0 },
    ]);
  });

  test('a stats/timechart answer cut at the limit says truncated with the limit', async () => {
    const cut = await post(analyst, { query: '| timechart span=6h count()', ...RANGE, limit: 3 });
    assert.equal(cut.statusCode, 200, cut.body);
    const body = cut.json<{ stats: { rows: unknown[] }; truncated?: boolean; limit?: number }>();
    assert.equal(body.stats.rows.length, 3);
    assert.equal(body.truncated, true);
    assert.equal(body.limit, 3);
    const whole = await post(analyst, { query: '| timechart span=6h count()', ...RANGE, limit: 4 });
    assert.equal(whole.json<{ truncated?: boolean }>().truncated, undefined);
  });

  test('parser errors are 400 QUERY_INVALID with every problem and its offset', async () => {
    const res = await post(analyst, { query: 'a AND (b OR c | grep y', ...RANGE });
    assert.equal(res.statusCode, 400);
    const error = res.json<{
      error: { code: string; details: { problems: { offset: number; message: string }[] } };
    }>().error;
    assert.equal(error.code, 'QUERY_INVALID');
    assert.ok(error.details.problems.length >= 2, JSON.stringify(error.details));
    assert.ok(error.details.problems.every((p) => Number.isInteger(p.offset) && p.message.length > 0));
  });

  test('limits: time range, limit, bad times', async () => {
    const long = await post(analyst, {
      query: '*',
      from: '2020-01-01T00:00:00Z',
      to: '2026-01-01T00:00:00Z',
    });
    assert.equal(long.json<{ error: { code: string } }>().error.code, 'TIME_RANGE_TOO_LONG');
    const limit = await post(analyst, { query: '*', ...RANGE, limit: 10_001 });
    assert.equal(limit.statusCode, 400);
    const bad = await post(analyst, { query: '*', from: 'yesterday', to: RANGE.to });
    assert.equal(bad.json<{ error: { code: string } }>().error.code, 'INVALID_TIME');
    const backwards = await post(analyst, { query: '*', from: RANGE.to, to: RANGE.from });
    assert.equal(backwards.json<{ error: { code: string } }>().error.code, 'INVALID_TIME_RANGE');
  });

  test('permissions: viewer may not search; nobody reads another workspace', async () => {
    assert.equal((await post(viewer, { query: '*', ...RANGE })).statusCode, 403);
    const other = await post(analyst, { query: '*', ...RANGE }, '/api/v1/workspaces/ws-b/events/search');
    assert.ok([403, 404].includes(other.statusCode), String(other.statusCode));
    const anonymous = await fx.app.inject({ method: 'POST', url: URL, payload: { query: '*', ...RANGE } });
    assert.equal(anonymous.statusCode, 401);
  });

  test('export streams CSV with quoting and formula protection, and NDJSON', async () => {
    const csv = await post(
      analyst,
      {
        query: 'event.category:web | sort @timestamp | fields url.path, user_agent.original, message',
        ...RANGE,
        format: 'csv',
      },
      '/api/v1/workspaces/ws-a/events/export',
    );
    assert.equal(csv.statusCode, 200, csv.body);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    const lines = csv.body.split('\r\n');
    assert.equal(lines[0], 'url.path,user_agent.original,message');
    assert.equal(lines.length, 5);
    assert.ok(
      lines[1]?.startsWith('/login,curl/8.5.0,"198.51.100.7 - - [01/Mar/2026:10:10:00 +0000] ""GET /login'),
    );
    const nd = await post(
      analyst,
      { query: 'event.category:web', ...RANGE, format: 'ndjson' },
      '/api/v1/workspaces/ws-a/events/export',
    );
    const docs = nd.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { vigil: { id: string } });
    assert.deepEqual(docs.map((d) => d.vigil.id).sort(), ['web-1', 'web-2', 'web-3']);
    const exported = (await fx.rt.stores.audit.find({ limit: 1000 })).filter(
      (r) => r.event_type === 'events.exported',
    );
    assert.equal(exported.length, 2);
    assert.equal(exported[0]?.workspace, 'ws-a');
    const denied = await post(
      viewer,
      { query: '*', ...RANGE, format: 'csv' },
      '/api/v1/workspaces/ws-a/events/export',
    );
    assert.equal(denied.statusCode, 403);
  });

  test('saved queries: create, list, update with version, delete; invalid queries refused', async () => {
    const base = '/api/v1/workspaces/ws-a/saved-queries';
    const created = await fx.app.inject({
      method: 'POST',
      url: base,
      headers: analyst.headers,
      payload: { name: 'fails', query: 'event.outcome:failure' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const saved = created.json<{ id: string; version: number }>();
    const list = await fx.app.inject({ method: 'GET', url: base, headers: viewer.headers });
    assert.equal(list.json<{ savedQueries: { id: string }[] }>().savedQueries[0]?.id, saved.id);
    // A querystring limit is text; the route's integer schema coerces it (bodies stay strict).
    const limited = await fx.app.inject({ method: 'GET', url: `${base}?limit=1`, headers: viewer.headers });
    assert.equal(limited.statusCode, 200, limited.body);
    assert.equal(limited.json<{ savedQueries: unknown[] }>().savedQueries.length, 1);
    const badLimit = await fx.app.inject({ method: 'GET', url: `${base}?limit=0`, headers: viewer.headers });
    assert.equal(
      badLimit.json<{ error: { details: { field: string } } }>().error.details.field,
      'querystring.limit',
    );
    const updated = await fx.app.inject({
      method: 'PUT',
      url: `${base}/${saved.id}`,
      headers: analyst.headers,
      payload: { name: 'fails', query: 'event.outcome:failure | stats count()', version: saved.version },
    });
    assert.equal(updated.json<{ version: number }>().version, 2);
    const stale = await fx.app.inject({
      method: 'PUT',
      url: `${base}/${saved.id}`,
      headers: analyst.headers,
      payload: { name: 'x', query: '*', version: 1 },
    });
    assert.equal(stale.statusCode, 409);
    const invalid = await fx.app.inject({
      method: 'POST',
      url: base,
      headers: analyst.headers,
      payload: { name: 'bad', query: 'a AND (' },
    });
    assert.equal(invalid.json<{ error: { code: string } }>().error.code, 'QUERY_INVALID');
    const viewerWrite = await fx.app.inject({
      method: 'POST',
      url: base,
      headers: viewer.headers,
      payload: { name: 'v', query: '*' },
    });
    assert.equal(viewerWrite.statusCode, 403);
    assert.equal(
      (await fx.app.inject({ method: 'DELETE', url: `${base}/${saved.id}`, headers: analyst.headers }))
        .statusCode,
      204,
    );
    assert.equal(
      (await fx.app.inject({ method: 'GET', url: `${base}/${saved.id}`, headers: analyst.headers }))
        .statusCode,
      404,
    );
    const types = (await fx.rt.stores.audit.find({ limit: 1000 })).map((r) => r.event_type);
    for (const t of ['saved_query.created', 'saved_query.updated', 'saved_query.deleted'])
      assert.ok(types.includes(t), t);
  });
});
