import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Alert, Incident } from '@vigil/cases';
import { login } from '../auth/testing/auth-fixture.ts';
import { casesFixture, PASSWORD, processEvent, WS } from '../alerts/testing/cases-fixture.ts';

const base = `/api/v1/workspaces/${WS}`;
const url = `${base}/incidents`;

interface Detail {
  incident: Incident;
  alerts: Alert[];
  timeline: { action: string; actor: string; note?: string; after?: unknown }[];
  killChain: { steps: { tactic: string }[]; furthestTactic?: string };
  sla: { acknowledge: string; resolve: string };
}

test('automatic grouping, detail with kill chain, update, comment, add alerts, split and merge', async () => {
  const f = await casesFixture();
  const { app, analyst, viewer } = f;
  try {
    const t = f.clock.now();
    const alert = async (
      title: string,
      tags: string[],
      host: string,
      severity = 'medium',
    ): Promise<Alert> => {
      const res = await app.inject({
        method: 'POST',
        url: `${base}/alerts`,
        headers: analyst.headers,
        payload: { title, severity, tags, events: [processEvent(`e-${title}`, t, host, `user-${host}`)] },
      });
      assert.equal(res.statusCode, 201, res.body);
      const [created] = res.json<{ created: Alert[] }>().created;
      assert.ok(created);
      return created;
    };
    const a1 = await alert('phish', ['attack.initial_access'], 'ws01');
    const a2 = await alert('exec', ['attack.execution'], 'ws01');
    assert.ok(a2.incidentId, 'grouped with a1 on host ws01');
    const incidentId = a2.incidentId;

    const detail = await app.inject({ url: `${url}/${incidentId}`, headers: viewer.headers });
    assert.equal(detail.statusCode, 200, detail.body);
    const d = detail.json<Detail>();
    assert.deepEqual(d.alerts.map((a) => a.id).sort(), [a1.id, a2.id].sort());
    assert.deepEqual(
      d.killChain.steps.map((s) => s.tactic),
      ['initial-access', 'execution'],
    );
    assert.equal(d.killChain.furthestTactic, 'execution');
    assert.equal(d.sla.acknowledge, 'pending');
    assert.ok(d.incident.provenance.some((p) => p.kind === 'entity'));

    const list = await app.inject({ url: `${url}?status=open&entity=host:ws01`, headers: viewer.headers });
    assert.deepEqual(
      list.json<{ incidents: Incident[] }>().incidents.map((i) => i.id),
      [incidentId],
    );

    f.clock.advance(10 * 60_000);
    const patched = await app.inject({
      method: 'PATCH',
      url: `${url}/${incidentId}`,
      headers: analyst.headers,
      payload: { status: 'in_progress', owner: 'ana', stage: 'containment', labels: ['apt'] },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    const inProgress = patched.json<Incident>();
    assert.equal(inProgress.acknowledgedAt, f.clock.now());
    assert.equal(inProgress.stage, 'containment');
    const badStage = await app.inject({
      method: 'PATCH',
      url: `${url}/${incidentId}`,
      headers: analyst.headers,
      payload: { stage: 'panic' },
    });
    assert.equal(badStage.statusCode, 400);
    const closeNoReason = await app.inject({
      method: 'PATCH',
      url: `${url}/${incidentId}`,
      headers: analyst.headers,
      payload: { status: 'closed' },
    });
    assert.equal(closeNoReason.statusCode, 400);
    assert.equal(closeNoReason.json<{ error: { code: string } }>().error.code, 'CLOSE_REASON_REQUIRED');

    const comment = await app.inject({
      method: 'POST',
      url: `${url}/${incidentId}/comments`,
      headers: analyst.headers,
      payload: { text: 'isolating the host, @bob please check the proxy' },
    });
    assert.equal(comment.statusCode, 201, comment.body);
    const commented = comment.json<Incident & { mentions: { unknown: string[] } }>();
    const last = commented.timeline.at(-1);
    assert.equal(last?.action, 'commented');
    // bob is no member of the workspace: the name stays text and is reported back (see mentions.routes.test.ts).
    assert.equal(last?.after, undefined);
    assert.deepEqual(commented.mentions.unknown, ['bob']);

    // An ungrouped alert (another host, medium) is added by hand, then split off again.
    const a3 = await alert('lonely', [], 'ws77');
    assert.equal(a3.incidentId, undefined);
    const added = await app.inject({
      method: 'POST',
      url: `${url}/${incidentId}/alerts`,
      headers: analyst.headers,
      payload: { alertIds: [a3.id] },
    });
    assert.equal(added.statusCode, 200, added.body);
    assert.equal(added.json<Incident>().alertIds.length, 3);
    const split = await app.inject({
      method: 'POST',
      url: `${url}/${incidentId}/split`,
      headers: analyst.headers,
      payload: { alertIds: [a3.id] },
    });
    assert.equal(split.statusCode, 201, split.body);
    const { original, created } = split.json<{ original: Incident; created: Incident }>();
    assert.equal(original.alertIds.length, 2);
    assert.deepEqual(created.alertIds, [a3.id]);
    assert.equal(created.splitFrom, incidentId);
    assert.equal((await f.cases.alerts.get(WS, a3.id))?.incidentId, created.id);

    const merged = await app.inject({
      method: 'POST',
      url: `${url}/${incidentId}/merge`,
      headers: analyst.headers,
      payload: { sourceIds: [created.id] },
    });
    assert.equal(merged.statusCode, 200, merged.body);
    assert.equal(merged.json<Incident>().alertIds.length, 3);
    const source = await app.inject({ url: `${url}/${created.id}`, headers: viewer.headers });
    assert.equal(source.json<Detail>().incident.status, 'closed');
    assert.equal(source.json<Detail>().incident.mergedInto, incidentId);
    const mergeClosed = await app.inject({
      method: 'POST',
      url: `${url}/${incidentId}/merge`,
      headers: analyst.headers,
      payload: { sourceIds: [created.id] },
    });
    assert.equal(mergeClosed.statusCode, 400);

    const viewerWrite = await app.inject({
      method: 'POST',
      url: `${url}/${incidentId}/comments`,
      headers: viewer.headers,
      payload: { text: 'hi' },
    });
    assert.equal(viewerWrite.statusCode, 403);
    assert.equal((await app.inject({ url: `${url}/missing`, headers: viewer.headers })).statusCode, 404);
  } finally {
    await app.close();
  }
});

test('create by hand and from alerts; metrics report MTTA/MTTR per severity and SLA breaches', async () => {
  const f = await casesFixture();
  const { app } = f;
  let analyst = f.analyst;
  try {
    const start = f.clock.now();
    const byHand = await app.inject({
      method: 'POST',
      url,
      headers: analyst.headers,
      payload: { title: 'Tip from CERT', severity: 'critical' },
    });
    assert.equal(byHand.statusCode, 201, byHand.body);
    const critical = byHand.json<Incident>();
    assert.equal(critical.alertIds.length, 0);
    const res = await app.inject({
      method: 'POST',
      url: `${base}/alerts`,
      headers: analyst.headers,
      payload: { title: 'odd login', severity: 'low' },
    });
    const [low] = res.json<{ created: Alert[] }>().created;
    assert.ok(low);
    const fromAlerts = await app.inject({
      method: 'POST',
      url,
      headers: analyst.headers,
      payload: { alertIds: [low.id], severity: 'high' },
    });
    assert.equal(fromAlerts.statusCode, 201, fromAlerts.body);
    const high = fromAlerts.json<Incident>();
    assert.deepEqual(high.alertIds, [low.id]);
    const missingAlert = await app.inject({
      method: 'POST',
      url,
      headers: analyst.headers,
      payload: { alertIds: ['nope'] },
    });
    assert.equal(missingAlert.statusCode, 404);

    // High: acknowledged after 30 min (SLA 1 h), closed after 2 h. Critical: never acknowledged (SLA 15 min).
    f.clock.advance(30 * 60_000);
    analyst = await login(app, 'ana', PASSWORD);
    await app.inject({
      method: 'PATCH',
      url: `${url}/${high.id}`,
      headers: analyst.headers,
      payload: { status: 'in_progress' },
    });
    f.clock.advance(90 * 60_000);
    analyst = await login(app, 'ana', PASSWORD);
    const close = await app.inject({
      method: 'PATCH',
      url: `${url}/${high.id}`,
      headers: analyst.headers,
      payload: { status: 'closed', closeReason: 'resolved' },
    });
    assert.equal(close.statusCode, 200, close.body);

    const from = new Date(start).toISOString();
    const to = new Date(start + 86_400_000).toISOString();
    const metrics = await app.inject({
      url: `${url}/metrics?from=${from}&to=${to}`,
      headers: analyst.headers,
    });
    assert.equal(metrics.statusCode, 200, metrics.body);
    const m = metrics.json<{
      incidents: {
        overall: { count: number };
        bySeverity: Record<string, { mttaMs?: number; mttrMs?: number; count: number }>;
      };
      slaBreaches: { incidentId: string; kind: string; outstanding: boolean }[];
    }>();
    assert.equal(m.incidents.overall.count, 2);
    assert.equal(m.incidents.bySeverity['high']?.mttaMs, 30 * 60_000);
    assert.equal(m.incidents.bySeverity['high']?.mttrMs, 120 * 60_000);
    assert.equal(m.incidents.bySeverity['critical']?.mttaMs, undefined);
    assert.deepEqual(
      m.slaBreaches.map((b) => [b.incidentId, b.kind, b.outstanding]),
      [[critical.id, 'acknowledge', true]],
    );
    const bad = await app.inject({ url: `${url}/metrics?from=${to}&to=${from}`, headers: analyst.headers });
    assert.equal(bad.statusCode, 400);
    const missing = await app.inject({ url: `${url}/metrics`, headers: analyst.headers });
    assert.equal(missing.statusCode, 400);
  } finally {
    await app.close();
  }
});
