import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import type { Alert } from '@vigil/cases';
import { casesFixture, processEvent, WS } from './testing/cases-fixture.ts';

const url = `/api/v1/workspaces/${WS}/alerts`;

test('create via API, list with filters and pages, get, patch, bulk update', async () => {
  const f = await casesFixture();
  const { app, analyst } = f;
  try {
    const now = f.clock.now();
    const create = (payload: Record<string, unknown>) =>
      app.inject({ method: 'POST', url, headers: analyst.headers, payload });
    const first = await create({
      title: 'EDR: ransomware',
      severity: 'low',
      events: [processEvent('e-1', now)],
    });
    assert.equal(first.statusCode, 201, first.body);
    const created = first.json<{ created: Alert[] }>().created;
    assert.equal(created.length, 1);
    // Same title (= rule) and host: deduplicated into the first alert.
    const again = await create({
      title: 'EDR: ransomware',
      severity: 'low',
      events: [processEvent('e-2', now)],
    });
    assert.deepEqual(again.json<{ updated: string[] }>().updated, [created[0]?.id]);
    await create({ title: 'Impossible travel', severity: 'medium', ruleId: 'travel' });
    await create({ title: 'C2 beacon', severity: 'critical', ruleId: 'c2' });

    const all = await app.inject({ url, headers: analyst.headers });
    assert.equal(all.statusCode, 200);
    assert.equal(all.json<{ alerts: Alert[] }>().alerts.length, 3);
    const page = await app.inject({ url: `${url}?limit=2`, headers: analyst.headers });
    const next = page.json<{ next?: string }>().next;
    assert.ok(next);
    const rest = await app.inject({ url: `${url}?limit=2&after=${next}`, headers: analyst.headers });
    assert.equal(rest.json<{ alerts: Alert[] }>().alerts.length, 1);
    const severe = await app.inject({ url: `${url}?severity=critical,medium`, headers: analyst.headers });
    assert.deepEqual(
      severe
        .json<{ alerts: Alert[] }>()
        .alerts.map((a) => a.rule.id)
        .sort(),
      ['c2', 'travel'],
    );
    const byRule = await app.inject({ url: `${url}?ruleId=travel&status=open`, headers: analyst.headers });
    assert.equal(byRule.json<{ alerts: Alert[] }>().alerts.length, 1);
    const range = await app.inject({
      url: `${url}?from=${new Date(now + 1).toISOString()}`,
      headers: analyst.headers,
    });
    assert.equal(range.json<{ alerts: Alert[] }>().alerts.length, 0);
    const badStatus = await app.inject({ url: `${url}?status=nope`, headers: analyst.headers });
    assert.equal(badStatus.statusCode, 400);
    assert.match(badStatus.body, /status/);

    const id = created[0]?.id ?? '';
    const one = await app.inject({ url: `${url}/${id}`, headers: analyst.headers });
    assert.equal(one.json<Alert>().count, 2);
    assert.equal((await app.inject({ url: `${url}/missing`, headers: analyst.headers })).statusCode, 404);

    // Closing needs a reason; with one, status, owner, verification and labels change in one write.
    const noReason = await app.inject({
      method: 'PATCH',
      url: `${url}/${id}`,
      headers: analyst.headers,
      payload: { status: 'closed' },
    });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json<{ error: { code: string } }>().error.code, 'CLOSE_REASON_REQUIRED');
    const patched = await app.inject({
      method: 'PATCH',
      url: `${url}/${id}`,
      headers: analyst.headers,
      payload: {
        status: 'closed',
        closeReason: 'false_detection',
        owner: 'ana',
        verification: 'false_positive',
        labels: ['fp'],
      },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    const closed = patched.json<Alert>();
    assert.equal(closed.status, 'closed');
    assert.equal(closed.owner, 'ana');
    assert.equal(closed.verification, 'false_positive');
    assert.ok(closed.activity.some((e) => e.actor === 'u-ana' && e.action === 'status_changed'));
    const stale = await app.inject({
      method: 'PATCH',
      url: `${url}/${id}`,
      headers: analyst.headers,
      payload: { owner: 'bob', version: 1 },
    });
    assert.equal(stale.statusCode, 409);
    const badEnum = await app.inject({
      method: 'PATCH',
      url: `${url}/${id}`,
      headers: analyst.headers,
      payload: { verification: 'maybe' },
    });
    assert.equal(badEnum.statusCode, 400);

    const ids = all
      .json<{ alerts: Alert[] }>()
      .alerts.map((a) => a.id)
      .filter((x) => x !== id);
    const bulk = await app.inject({
      method: 'POST',
      url: `${url}/bulk`,
      headers: analyst.headers,
      payload: { ids, status: 'in_progress', owner: 'ana' },
    });
    assert.equal(bulk.statusCode, 200, bulk.body);
    assert.deepEqual(
      bulk.json<{ alerts: Alert[] }>().alerts.map((a) => [a.status, a.owner]),
      [
        ['in_progress', 'ana'],
        ['in_progress', 'ana'],
      ],
    );
    const bulkMissing = await app.inject({
      method: 'POST',
      url: `${url}/bulk`,
      headers: analyst.headers,
      payload: { ids: [...ids, 'missing'], owner: 'bob' },
    });
    assert.equal(bulkMissing.statusCode, 404);
    assert.equal((await f.cases.alerts.get(WS, ids[0] ?? ''))?.owner, 'ana', 'nothing half-written');
  } finally {
    await app.close();
  }
});

test('import JSON and CSV, all or nothing, with every problem named', async () => {
  const { app, analyst, cases } = await casesFixture();
  try {
    const json = await app.inject({
      method: 'POST',
      url: `${url}/import`,
      headers: analyst.headers,
      payload: [{ title: 'A', severity: 'high' }, { title: 'B' }],
    });
    assert.equal(json.statusCode, 201, json.body);
    assert.equal(json.json<{ created: Alert[] }>().created.length, 2);
    const csv = await app.inject({
      method: 'POST',
      url: `${url}/import`,
      headers: { ...analyst.headers, 'content-type': 'text/csv' },
      payload:
        'title,severity,tags,confidence\n"Phish, reported",medium,attack.initial_access;attack.t1566,70\n',
    });
    assert.equal(csv.statusCode, 201, csv.body);
    const [phish] = csv.json<{ created: Alert[] }>().created;
    assert.equal(phish?.title, 'Phish, reported');
    assert.deepEqual(phish?.tactics, ['initial-access']);
    assert.equal(phish?.confidence, 70);
    const bad = await app.inject({
      method: 'POST',
      url: `${url}/import`,
      headers: analyst.headers,
      payload: { alerts: [{ title: 'ok' }, { severity: 'extreme' }] },
    });
    assert.equal(bad.statusCode, 400);
    const problems = bad.json<{ error: { details: { problems: { where: string }[] } } }>().error.details
      .problems;
    assert.deepEqual(
      problems.map((p) => p.where),
      ['[1].title', '[1].severity'],
    );
    assert.equal((await cases.alerts.list(WS)).length, 3, 'a bad import writes nothing');
  } finally {
    await app.close();
  }
});

test('suppression rules CRUD and suppressed-hit counts', async () => {
  const { app, analyst, viewer } = await casesFixture();
  const sup = `/api/v1/workspaces/${WS}/alert-suppressions`;
  try {
    const created = await app.inject({
      method: 'POST',
      url: sup,
      headers: analyst.headers,
      payload: {
        ruleId: 'api:noisy',
        match: { 'host.name': 'ws01' },
        durationMs: 3_600_000,
        reason: 'patching',
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const rule = created.json<{ id: string; owner: string }>();
    assert.equal(rule.owner, 'u-ana');
    const noisy = await app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${WS}/alerts`,
      headers: analyst.headers,
      payload: { title: 'noisy', events: [processEvent('e-1', Date.UTC(2026, 5, 1))] },
    });
    assert.equal(noisy.json<{ suppressed: number }>().suppressed, 1);
    const hits = await app.inject({ url: `${sup}/hits`, headers: viewer.headers });
    assert.equal(hits.statusCode, 200);
    const body = hits.json<{
      counts: { ruleId: string; suppressed: number }[];
      recent: { eventIds: string[] }[];
    }>();
    assert.deepEqual(
      body.counts.map((c) => [c.ruleId, c.suppressed]),
      [['api:noisy', 1]],
    );
    assert.deepEqual(body.recent[0]?.eventIds, ['e-1']);
    assert.equal(
      (await app.inject({ url: sup, headers: viewer.headers })).json<{ suppressions: unknown[] }>()
        .suppressions.length,
      1,
    );
    assert.equal((await app.inject({ url: `${sup}/${rule.id}`, headers: viewer.headers })).statusCode, 200);
    const badDuration = await app.inject({
      method: 'POST',
      url: sup,
      headers: analyst.headers,
      payload: { match: { 'host.name': 'x' }, durationMs: 5, reason: 'r' },
    });
    assert.equal(badDuration.statusCode, 400);
    assert.equal(
      (await app.inject({ method: 'DELETE', url: `${sup}/${rule.id}`, headers: viewer.headers })).statusCode,
      403,
    );
    assert.equal(
      (await app.inject({ method: 'DELETE', url: `${sup}/${rule.id}`, headers: analyst.headers })).statusCode,
      204,
    );
    assert.equal(
      (await app.inject({ method: 'DELETE', url: `${sup}/${rule.id}`, headers: analyst.headers })).statusCode,
      404,
    );
  } finally {
    await app.close();
  }
});

test('permissions: viewers read, only writers change, other workspaces see nothing', async () => {
  const { app, analyst, viewer, outsider } = await casesFixture();
  try {
    await app.inject({ method: 'POST', url, headers: analyst.headers, payload: { title: 'x' } });
    assert.equal((await app.inject({ url, headers: viewer.headers })).statusCode, 200);
    const write = await app.inject({ method: 'POST', url, headers: viewer.headers, payload: { title: 'y' } });
    assert.equal(write.statusCode, 403);
    assert.equal((await app.inject({ url, headers: outsider.headers })).statusCode, 403);
    assert.equal((await app.inject({ url })).statusCode, 401);
    const spec = await app.inject({ url: '/api/v1/openapi.json', headers: analyst.headers });
    const paths = spec.json<{ paths: Record<string, Record<string, { 'x-vigil-permission': string }>> }>()
      .paths;
    assert.equal(
      paths['/api/v1/workspaces/{workspaceId}/alerts']?.['get']?.['x-vigil-permission'],
      'alerts.read',
    );
    assert.equal(
      paths['/api/v1/workspaces/{workspaceId}/incidents/{incidentId}/merge']?.['post']?.[
        'x-vigil-permission'
      ],
      'incidents.write',
    );
  } finally {
    await app.close();
  }
});

test('the alert stream sends new alerts at or above the chosen severity (SSE)', async () => {
  const { app, analyst } = await casesFixture();
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  try {
    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: `${url}/stream?minSeverity=high`,
          headers: { cookie: analyst.headers.cookie },
        },
        (res) => {
          assert.equal(res.statusCode, 200);
          assert.match(String(res.headers['content-type']), /text\/event-stream/);
          assert.ok(res.headers['x-request-id']);
          assert.equal(res.headers['x-content-type-options'], 'nosniff');
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes('event: alert')) {
              req.destroy();
              resolve(text);
            }
            if (text.includes(': connected')) void publish();
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    let published = false;
    const publish = async () => {
      if (published) return;
      published = true;
      for (const [title, severity] of [
        ['low one', 'low'],
        ['high one', 'high'],
      ]) {
        await app.inject({ method: 'POST', url, headers: analyst.headers, payload: { title, severity } });
      }
    };
    const text = await received;
    const data = text.split('\n').find((l) => l.startsWith('data: ')) ?? '';
    assert.equal((JSON.parse(data.slice(6)) as { title: string }).title, 'high one');
    assert.doesNotMatch(text, /low one/);
  } finally {
    await app.close();
  }
});
