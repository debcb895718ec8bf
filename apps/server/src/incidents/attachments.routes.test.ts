import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { Attachment, Incident } from '@vigil/cases';
import { casesFixture, WS } from '../alerts/testing/cases-fixture.ts';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR fake image body'),
]);

async function withIncident(env: Record<string, string> = {}) {
  const f = await casesFixture(undefined, env);
  const created = await f.app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${WS}/incidents`,
    headers: f.analyst.headers,
    payload: { title: 'Ransomware on ws01', severity: 'high' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const incident = created.json<Incident>();
  const base = `/api/v1/workspaces/${WS}/incidents/${incident.id}/attachments`;
  const upload = (
    body: Buffer | string,
    query: string,
    contentType = 'application/octet-stream',
    headers = f.analyst.headers,
  ) =>
    f.app.inject({
      method: 'POST',
      url: `${base}?${query}`,
      headers: { ...headers, 'content-type': contentType },
      payload: body,
    });
  return { ...f, incident, base, upload };
}

test('upload, list, download and delete an incident attachment: sniffed, sealed at rest, hashed, on the timeline', async () => {
  const f = await withIncident();
  try {
    const up = await f.upload(PNG, 'name=screen%20shot%E2%80%941.png', 'image/png');
    assert.equal(up.statusCode, 201, up.body);
    const a = up.json<Attachment>();
    assert.equal(a.name, 'screen shot—1.png');
    assert.equal(a.contentType, 'image/png');
    assert.equal(a.size, PNG.length);
    assert.equal(a.sha256, createHash('sha256').update(PNG).digest('hex'));
    assert.equal(a.createdBy, 'u-ana');

    // At rest: sealed, not the bytes (nor their base64).
    const stored = (await f.cases.attachments.content(WS, a.id)) ?? '';
    assert.ok(stored.startsWith('v1.'));
    assert.ok(!stored.includes(PNG.toString('base64')) && !stored.includes('fake image body'));

    const list = await f.app.inject({ url: f.base, headers: f.viewer.headers });
    assert.equal(list.statusCode, 200);
    assert.deepEqual(list.json<{ attachments: Attachment[] }>().attachments, [a]);

    const down = await f.app.inject({ url: `${f.base}/${a.id}/content`, headers: f.viewer.headers });
    assert.equal(down.statusCode, 200);
    assert.deepEqual(down.rawPayload, PNG);
    assert.equal(down.headers['content-type'], 'image/png');
    assert.equal(down.headers['x-content-type-options'], 'nosniff');
    assert.match(
      String(down.headers['content-disposition']),
      /^attachment; filename="screen shot_1.png"; filename\*=UTF-8''screen%20shot%E2%80%941.png$/,
    );
    assert.match(String(down.headers['content-security-policy']), /sandbox/);

    const text = await f.upload('host,ip\nws01,10.0.0.1\n', 'name=iocs.csv&type=text/csv');
    assert.equal(text.json<Attachment>().contentType, 'text/csv');
    const unknown = await f.upload(Buffer.from([0, 1, 2, 3]), 'name=memory.dmp');
    assert.equal(unknown.json<Attachment>().contentType, 'application/octet-stream');

    const del = await f.app.inject({
      method: 'DELETE',
      url: `${f.base}/${a.id}`,
      headers: f.analyst.headers,
    });
    assert.equal(del.statusCode, 204);
    assert.equal(
      (await f.app.inject({ url: `${f.base}/${a.id}/content`, headers: f.viewer.headers })).statusCode,
      404,
    );
    assert.equal(
      (await f.app.inject({ method: 'DELETE', url: `${f.base}/${a.id}`, headers: f.analyst.headers }))
        .statusCode,
      404,
    );

    const incident = await f.cases.incidents.get(WS, f.incident.id);
    const actions = incident?.timeline.map((t) => [t.action, t.note]);
    assert.deepEqual(
      actions?.filter(([action]) => action?.startsWith('attachment')),
      [
        ['attachment_added', 'screen shot—1.png'],
        ['attachment_added', 'iocs.csv'],
        ['attachment_added', 'memory.dmp'],
        ['attachment_removed', 'screen shot—1.png'],
      ],
    );
    const audit = (await f.identity.stores.audit.find({ limit: 1000 })).map((r) => r.event_type);
    assert.deepEqual(
      audit.filter((t) => t.startsWith('attachment.')),
      [
        'attachment.added',
        'attachment.downloaded',
        'attachment.added',
        'attachment.added',
        'attachment.removed',
      ],
    );
  } finally {
    await f.app.close();
  }
});

test('refused uploads name the field and store nothing: active content, executables, mismatches, empty, too big, bad names', async () => {
  const f = await withIncident({ VIGIL_CASES_ATTACHMENT_MAX_BYTES: '2048' });
  try {
    const cases: [Buffer | string, string, string, number, string][] = [
      ['<!doctype html><script>alert(1)</script>', 'name=report.txt', 'text/plain', 415, 'content'],
      ['<svg onload="alert(1)"></svg>', 'name=logo.png', 'application/octet-stream', 415, 'content'],
      ['just text', 'name=page.html', 'text/plain', 415, 'name'],
      [Buffer.from('MZ\x90\x00\x03'), 'name=tool.bin', 'application/octet-stream', 415, 'content'],
      [PNG, 'name=shot.pdf', 'application/pdf', 415, 'type'],
      ['', 'name=empty.txt', 'text/plain', 400, 'content'],
      ['text', 'name=..%2Fescape.txt', 'text/plain', 400, 'name'],
      [Buffer.alloc(4096, 0x41), 'name=big.txt', 'text/plain', 413, ''],
    ];
    for (const [body, query, type, status, field] of cases) {
      const r = await f.upload(body, query, type);
      assert.equal(r.statusCode, status, `${query}: ${r.body}`);
      if (field !== '')
        assert.equal(r.json<{ error: { details: { field: string } } }>().error.details.field, field, query);
    }
    assert.equal(
      (await f.app.inject({ url: f.base, headers: f.viewer.headers })).json<{ attachments: unknown[] }>()
        .attachments.length,
      0,
    );
    const missingName = await f.upload('x', '');
    assert.equal(missingName.statusCode, 400);
    assert.match(missingName.body, /name/);
    const incident = await f.cases.incidents.get(WS, f.incident.id);
    assert.equal(
      incident?.timeline.some((t) => t.action.startsWith('attachment')),
      false,
    );
  } finally {
    await f.app.close();
  }
});

test('permissions and scoping: viewers download but cannot upload or delete; other workspaces and parents see nothing', async () => {
  const f = await withIncident();
  try {
    assert.equal((await f.upload(PNG, 'name=a.png', 'image/png', f.viewer.headers)).statusCode, 403);
    const a = (await f.upload(PNG, 'name=a.png', 'image/png')).json<Attachment>();
    assert.equal(
      (await f.app.inject({ method: 'DELETE', url: `${f.base}/${a.id}`, headers: f.viewer.headers }))
        .statusCode,
      403,
    );
    const foreign = `/api/v1/workspaces/ws-b/incidents/${f.incident.id}/attachments`;
    assert.equal(
      (await f.app.inject({ url: `${foreign}/${a.id}/content`, headers: f.outsider.headers })).statusCode,
      404,
    );
    assert.equal(
      (await f.app.inject({ url: `${f.base}/${a.id}/content`, headers: f.outsider.headers })).statusCode,
      403,
    );
    // The same attachment id under another incident, or under an alert route, is not found.
    const other = `/api/v1/workspaces/${WS}/incidents/nope/attachments`;
    assert.equal(
      (await f.app.inject({ url: `${other}/${a.id}/content`, headers: f.viewer.headers })).statusCode,
      404,
    );
    assert.equal((await f.app.inject({ url: other, headers: f.viewer.headers })).statusCode, 404);
    assert.equal((await f.upload(PNG, 'name=a.png', 'image/png', f.analyst.headers)).statusCode, 201);
  } finally {
    await f.app.close();
  }
});

test('alerts take attachments too, with the alert permissions and the alert activity', async () => {
  const f = await casesFixture();
  try {
    const created = await f.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${WS}/alerts`,
      headers: f.analyst.headers,
      payload: { title: 'EDR: ransomware', severity: 'high' },
    });
    const alertId = created.json<{ created: { id: string }[] }>().created[0]?.id ?? '';
    const base = `/api/v1/workspaces/${WS}/alerts/${alertId}/attachments`;
    const up = await f.app.inject({
      method: 'POST',
      url: `${base}?name=notes.txt`,
      headers: { ...f.analyst.headers, 'content-type': 'text/plain' },
      payload: 'triage notes',
    });
    assert.equal(up.statusCode, 201, up.body);
    const down = await f.app.inject({
      url: `${base}/${up.json<Attachment>().id}/content`,
      headers: f.viewer.headers,
    });
    assert.equal(down.body, 'triage notes');
    assert.equal(down.headers['content-type'], 'text/plain');
    const alert = await f.cases.alerts.get(WS, alertId);
    assert.equal(alert?.activity.at(-1)?.action, 'attachment_added');
  } finally {
    await f.app.close();
  }
});
