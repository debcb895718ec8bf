import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Incident } from '@vigil/cases';
import { addUser, login } from '../auth/testing/auth-fixture.ts';
import { casesFixture, PASSWORD, processEvent, WS } from '../alerts/testing/cases-fixture.ts';

const url = `/api/v1/workspaces/${WS}/incident-sla-policy`;
const MIN = 60_000;

interface PolicyView {
  targets: Record<string, { acknowledgeMinutes: number; resolveMinutes: number }>;
  isDefault: boolean;
  version: number;
}

test('the SLA policy is read by incident readers, changed by settings writers, audited and used', async () => {
  const f = await casesFixture();
  const { app, analyst, viewer } = f;
  try {
    await addUser(f.identity, 'adam', PASSWORD, [['admin', WS]]);
    const admin = await login(app, 'adam', PASSWORD);

    const initial = await app.inject({ url, headers: viewer.headers });
    assert.equal(initial.statusCode, 200, initial.body);
    const d = initial.json<PolicyView>();
    assert.equal(d.isDefault, true);
    assert.deepEqual(d.targets['critical'], { acknowledgeMinutes: 15, resolveMinutes: 240 });

    const targets = { high: { acknowledgeMinutes: 5, resolveMinutes: 30 } };
    const refused = await app.inject({ method: 'PUT', url, headers: analyst.headers, payload: { targets } });
    assert.equal(refused.statusCode, 403, 'analysts lack settings.write');

    const inverted = await app.inject({
      method: 'PUT',
      url,
      headers: admin.headers,
      payload: { targets: { high: { acknowledgeMinutes: 60, resolveMinutes: 30 } } },
    });
    assert.equal(inverted.statusCode, 400);
    assert.match(inverted.body, /targets\.high\.resolveMinutes/);
    const zero = await app.inject({
      method: 'PUT',
      url,
      headers: admin.headers,
      payload: { targets: { high: { acknowledgeMinutes: 0, resolveMinutes: 30 } } },
    });
    assert.equal(zero.statusCode, 400);
    assert.equal((await app.inject({ url, headers: viewer.headers })).json<PolicyView>().isDefault, true);

    const saved = await app.inject({
      method: 'PUT',
      url,
      headers: admin.headers,
      payload: { targets, version: 0 },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const view = saved.json<PolicyView>();
    assert.deepEqual(view.targets, targets);
    assert.equal(view.isDefault, false);
    const stale = await app.inject({
      method: 'PUT',
      url,
      headers: admin.headers,
      payload: { targets, version: 0 },
    });
    assert.equal(stale.statusCode, 409);

    const audit = await f.identity.stores.audit.find({ limit: 1000 });
    const records = audit.filter((r) => r.event_type === 'incident_sla_policy.updated');
    assert.equal(records.length, 1);
    assert.equal(records[0]?.workspace, WS);

    // A new high incident takes its due dates from the stored policy; medium now has no SLA.
    const now = f.clock.now();
    const created = await app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${WS}/incidents`,
      headers: analyst.headers,
      payload: { title: 'by hand', severity: 'high' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const incident = created.json<Incident>();
    assert.equal(incident.sla.acknowledgeDueAt, now + 5 * MIN);
    assert.equal(incident.sla.resolveDueAt, now + 30 * MIN);
    const lowered = await app.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${WS}/incidents/${incident.id}`,
      headers: analyst.headers,
      payload: { severity: 'medium' },
    });
    assert.equal(lowered.statusCode, 200, lowered.body);
    assert.equal(lowered.json<Incident>().sla.acknowledgeDueAt, undefined);

    // The sweep records a breach against the stored policy's due date.
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${WS}/incidents/${incident.id}`,
      headers: analyst.headers,
      payload: { severity: 'high' },
    });
    f.clock.advance(6 * MIN);
    const changed = await f.cases.incidentService.checkSla(WS);
    assert.deepEqual(
      changed.flatMap((i) => i.sla.breaches.map((b) => b.kind)),
      ['acknowledge'],
    );

    // The metrics list the breach against the stored policy's due date.
    const metrics = await app.inject({
      url: `/api/v1/workspaces/${WS}/incidents/metrics?from=${new Date(now - MIN).toISOString()}&to=${new Date(now + 60 * MIN).toISOString()}`,
      headers: viewer.headers,
    });
    assert.equal(metrics.statusCode, 200, metrics.body);
    const rows = metrics.json<{ slaBreaches: { kind: string; dueAt: number }[] }>().slaBreaches;
    assert.ok(
      rows.some((r) => r.kind === 'acknowledge' && r.dueAt === now + 5 * MIN),
      JSON.stringify(rows),
    );

    // Automatic grouping (the alert pipeline's path) takes the stored policy too.
    const t = f.clock.now();
    for (const title of ['first', 'second']) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${WS}/alerts`,
        headers: analyst.headers,
        payload: { title, severity: 'high', events: [processEvent(`e-${title}`, t, 'ws42', 'carol')] },
      });
      assert.equal(res.statusCode, 201, res.body);
    }
    const grouped = (await f.cases.incidents.list(WS, { limit: 10, entityKey: 'host:ws42' }))[0];
    assert.ok(grouped, 'the two alerts on ws42 were grouped');
    assert.equal(grouped.severity, 'high');
    assert.equal(grouped.sla.acknowledgeDueAt, grouped.createdAt + 5 * MIN);

    const other = await app.inject({
      url: `/api/v1/workspaces/ws-b/incident-sla-policy`,
      headers: viewer.headers,
    });
    assert.equal(other.statusCode, 403);
  } finally {
    await app.close();
  }
});
