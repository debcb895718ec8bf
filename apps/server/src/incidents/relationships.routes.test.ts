import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Alert, Incident } from '@vigil/cases';
import { casesFixture, processEvent, WS } from '../alerts/testing/cases-fixture.ts';

const base = `/api/v1/workspaces/${WS}`;

interface Links {
  relationships: { id: string; kind: string; type: string; value: string; note?: string }[];
  suggestions: { kind: string; type: string; value: string; reason: string }[];
}

test('incidents and alerts take indicator and asset links: validated, suggested, audited, on the timeline', async () => {
  const f = await casesFixture();
  const { app, analyst, viewer, outsider } = f;
  try {
    const t = f.clock.now();
    const event = { ...processEvent('e-1', t, 'ws01', 'alice'), destination: { ip: '203.0.113.9' } };
    const raised = await app.inject({
      method: 'POST',
      url: `${base}/alerts`,
      headers: analyst.headers,
      payload: { title: 'Beacon', severity: 'high', events: [event] },
    });
    assert.equal(raised.statusCode, 201, raised.body);
    const alert = raised.json<{ created: Alert[] }>().created[0];
    assert.ok(alert);
    const made = await app.inject({
      method: 'POST',
      url: `${base}/incidents`,
      headers: analyst.headers,
      payload: { title: 'C2 beacon', alertIds: alert.incidentId === undefined ? [alert.id] : [] },
    });
    assert.equal(made.statusCode, 201, made.body);
    const incidentId = alert.incidentId ?? made.json<Incident>().id;
    const url = `${base}/incidents/${incidentId}/relationships`;

    const first = (await app.inject({ url, headers: viewer.headers })).json<Links>();
    assert.deepEqual(first.relationships, []);
    const suggested = first.suggestions.map((s) => `${s.kind}:${s.type}:${s.value}`);
    assert.ok(suggested.includes('indicator:ip:203.0.113.9'), suggested.join(', '));
    assert.ok(suggested.includes('asset:host:ws01'), suggested.join(', '));

    const add = (payload: Record<string, unknown>, headers = analyst.headers, to = url) =>
      app.inject({ method: 'POST', url: to, headers, payload });
    assert.equal(
      (await add({ kind: 'indicator', type: 'ip', value: '203.0.113.9' }, viewer.headers)).statusCode,
      403,
    );
    const bad = await add({ kind: 'indicator', type: 'ip', value: 'not-an-ip' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ error: { details: { field: string } } }>().error.details.field, 'value');
    const badKind = await add({ kind: 'threat', type: 'ip', value: '203.0.113.9' });
    assert.equal(badKind.json<{ error: { details: { field: string } } }>().error.details.field, 'kind');

    const added = await add({ kind: 'indicator', type: 'ip', value: '203.0.113.009', note: 'C2 server' });
    assert.equal(added.statusCode, 201, added.body);
    const link = added.json<{ id: string; value: string }>();
    assert.equal(link.value, '203.0.113.9');
    assert.equal((await add({ kind: 'indicator', type: 'ip', value: '203.0.113.9' })).statusCode, 409);

    const after = (await app.inject({ url, headers: viewer.headers })).json<Links>();
    assert.deepEqual(
      after.relationships.map((r) => [r.kind, r.type, r.value, r.note]),
      [['indicator', 'ip', '203.0.113.9', 'C2 server']],
    );
    assert.ok(
      !after.suggestions.some((s) => s.value === '203.0.113.9'),
      'a linked value is no longer suggested',
    );

    const detail = (
      await app.inject({ url: `${base}/incidents/${incidentId}`, headers: viewer.headers })
    ).json<{
      timeline: { action: string; after?: unknown }[];
    }>();
    assert.ok(
      detail.timeline.some(
        (e) => e.action === 'relationship_added' && e.after === 'indicator ip 203.0.113.9',
      ),
    );

    // Alerts take links too (alerts.write), on their activity.
    const alertUrl = `${base}/alerts/${alert.id}/relationships`;
    const onAlert = await add({ kind: 'asset', type: 'host', value: 'WS01' }, analyst.headers, alertUrl);
    assert.equal(onAlert.statusCode, 201, onAlert.body);
    const stored = await f.cases.alerts.get(WS, alert.id);
    assert.equal(stored?.activity.at(-1)?.action, 'relationship_added');

    const removed = await app.inject({
      method: 'DELETE',
      url: `${url}/${link.id}`,
      headers: analyst.headers,
    });
    assert.equal(removed.statusCode, 204);
    assert.equal(
      (await app.inject({ method: 'DELETE', url: `${url}/${link.id}`, headers: analyst.headers })).statusCode,
      404,
    );
    assert.deepEqual((await app.inject({ url, headers: viewer.headers })).json<Links>().relationships, []);

    const audit = await f.identity.stores.audit.find({ limit: 1000 });
    const kinds = audit.map((r) => r.event_type).filter((e) => e.includes('_relationship.'));
    assert.deepEqual(kinds.sort(), [
      'alert_relationship.added',
      'incident_relationship.added',
      'incident_relationship.removed',
    ]);

    assert.equal((await app.inject({ url, headers: outsider.headers })).statusCode, 403);
    assert.equal(
      (await app.inject({ url: `${base}/incidents/nope/relationships`, headers: viewer.headers })).statusCode,
      404,
    );
  } finally {
    await app.close();
  }
});
