import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AggregateOverview } from '@vigil/cases';
import { overviewFixture } from '../overview/testing/overview-fixture.ts';

const grants = (ws: string) => `/api/v1/workspaces/${ws}/cross-workspace/grants`;
const aggregate = (ws: string) => `/api/v1/workspaces/${ws}/cross-workspace/overview`;

interface GrantList {
  given: { centralWorkspace: string; sourceWorkspace: string; grantedBy: string; grantedAt: string }[];
  received: { centralWorkspace: string; sourceWorkspace: string }[];
}

test('a central workspace sees the aggregate of the workspaces that granted it, and of no other', async () => {
  const f = await overviewFixture();
  const { app } = f;
  try {
    const adminA = await f.user('admin-a', [['admin', 'ws-a']]);
    const adminB = await f.user('admin-b', [['admin', 'ws-b']]);
    const adminC = await f.user('admin-c', [['admin', 'ws-c']]);
    const memberA = await f.user('ana', [['analyst', 'ws-a']]);
    const soc = await f.user('sam', [['viewer', 'soc']]);
    await f.alert(adminA, 'ws-a', 'critical', 'a-host', 'Secret title of A');
    await f.alert(adminA, 'ws-a', 'high', 'a-host2');
    await f.alert(adminB, 'ws-b', 'low', 'b-host');
    for (let k = 0; k < 5; k++) await f.alert(adminC, 'ws-c', 'critical', `c-host-${k}`);

    // Nothing granted yet: an empty aggregate.
    const empty = await app.inject({ url: aggregate('soc'), headers: soc.headers });
    assert.equal(empty.statusCode, 200, empty.body);
    assert.deepEqual(empty.json<AggregateOverview>().workspaces, []);

    for (const [admin, ws] of [
      [adminA, 'ws-a'],
      [adminB, 'ws-b'],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: grants(ws),
        headers: admin.headers,
        payload: { centralWorkspace: 'soc' },
      });
      assert.equal(res.statusCode, 201, res.body);
    }

    const res = await app.inject({ url: aggregate('soc'), headers: soc.headers });
    assert.equal(res.statusCode, 200, res.body);
    const agg = res.json<AggregateOverview>();
    assert.deepEqual(
      agg.workspaces.map((w) => w.workspace),
      ['ws-a', 'ws-b'],
      'ws-c granted nothing and is not included',
    );
    assert.equal(agg.alerts.openTotal, 3);
    assert.deepEqual(agg.alerts.open, { informational: 0, low: 1, medium: 0, high: 1, critical: 1 });
    assert.equal(agg.trend.alerts.critical.at(-1), 1);
    assert.deepEqual(agg.topEntities, [], 'entity values stay in their workspace');
    assert.deepEqual(agg.topRules, [], 'hand-made alerts have no rule: their titles are alert details');
    assert.doesNotMatch(res.body, /Secret title of A/);
    assert.doesNotMatch(res.body, /a-host|b-host|c-host/);
    assert.equal(agg.workspaces.find((w) => w.workspace === 'ws-a')?.openCriticalHigh, 2);
    // Aggregated data only: no alert or incident ids, no SLA breach rows, no events.
    const body = res.body;
    assert.equal('slaBreaches' in agg, false);
    assert.doesNotMatch(body, /"(alertIds|eventIds|incidentId|events|entityKeys)":/);
    const ids = [
      ...(await f.cases.alerts.list('ws-a')).map((a) => a.id),
      ...(await f.cases.incidents.list('ws-a')).map((i) => i.id),
    ];
    assert.ok(ids.length >= 3);
    for (const id of ids) assert.ok(!body.includes(`"${id}"`), `${id} leaked into the aggregate`);

    // The central team gets no access to the granting workspaces' own data.
    for (const url of ['/api/v1/workspaces/ws-a/overview', '/api/v1/workspaces/ws-a/alerts']) {
      const direct = await app.inject({ url, headers: soc.headers });
      assert.equal(direct.statusCode, 403, url);
    }

    // A member of a granting workspace without a role in soc cannot see soc's aggregate…
    const memberView = await app.inject({ url: aggregate('soc'), headers: memberA.headers });
    assert.equal(memberView.statusCode, 403);
    // …and ws-a's own cross-workspace view holds nothing (it received no grant).
    const own = await app.inject({ url: aggregate('ws-a'), headers: memberA.headers });
    assert.equal(own.statusCode, 200, own.body);
    assert.deepEqual(own.json<AggregateOverview>().workspaces, []);

    // The central workspace's own overview tells the console there is an aggregated view to offer.
    const socOwn = await app.inject({ url: '/api/v1/workspaces/soc/overview', headers: soc.headers });
    assert.equal(socOwn.json<{ crossWorkspaceSources: number }>().crossWorkspaceSources, 2);

    // Lists: what ws-a gave, what soc received.
    const given = await app.inject({ url: grants('ws-a'), headers: adminA.headers });
    assert.equal(given.statusCode, 200, given.body);
    const list = given.json<GrantList>();
    assert.deepEqual(
      list.given.map((g) => [g.sourceWorkspace, g.centralWorkspace, g.grantedBy]),
      [['ws-a', 'soc', 'u-admin-a']],
    );
    assert.equal(list.given[0]?.grantedAt, new Date(f.clock.now()).toISOString());
    const adminSoc = await f.user('sue', [['admin', 'soc']]);
    const received = await app.inject({ url: grants('soc'), headers: adminSoc.headers });
    assert.deepEqual(
      received.json<GrantList>().received.map((g) => g.sourceWorkspace),
      ['ws-a', 'ws-b'],
    );

    // Revoke: effective at once; only ws-a's administrators can.
    const bySoc = await app.inject({
      method: 'DELETE',
      url: `${grants('ws-a')}/soc`,
      headers: adminSoc.headers,
    });
    assert.equal(bySoc.statusCode, 403);
    const byMember = await app.inject({
      method: 'DELETE',
      url: `${grants('ws-a')}/soc`,
      headers: memberA.headers,
    });
    assert.equal(byMember.statusCode, 403, 'analysts lack settings.write');
    const revoked = await app.inject({
      method: 'DELETE',
      url: `${grants('ws-a')}/soc`,
      headers: adminA.headers,
    });
    assert.equal(revoked.statusCode, 204, revoked.body);
    const again = await app.inject({
      method: 'DELETE',
      url: `${grants('ws-a')}/soc`,
      headers: adminA.headers,
    });
    assert.equal(again.statusCode, 404);
    const after = await app.inject({ url: aggregate('soc'), headers: soc.headers });
    assert.deepEqual(
      after.json<AggregateOverview>().workspaces.map((w) => w.workspace),
      ['ws-b'],
    );

    // Audited in the granting workspace: the grant, the reads and the revoke.
    const records = await f.rt.stores.audit.find({ workspace: 'ws-a', limit: 1000 });
    const types = records.map((r) => r.event_type).filter((t) => t.startsWith('cross_workspace.'));
    assert.deepEqual(types, [
      'cross_workspace.granted',
      'cross_workspace.overview_read',
      'cross_workspace.revoked',
    ]);
    const granted = records.find((r) => r.event_type === 'cross_workspace.granted');
    assert.equal(granted?.user_id, 'u-admin-a');
    assert.equal(granted?.resource, 'cross-workspace-grant:ws-a->soc');
  } finally {
    await app.close();
  }
});

test('bad grants are refused with the field named, and nothing is stored', async () => {
  const f = await overviewFixture();
  const { app } = f;
  try {
    const admin = await f.user('admin-a', [['admin', 'ws-a']]);
    await f.user('admin-soc', [['admin', 'soc']]);
    const post = (payload: unknown) =>
      app.inject({ method: 'POST', url: grants('ws-a'), headers: admin.headers, payload: payload as object });
    const cases: [unknown, number, string][] = [
      [{ centralWorkspace: 'ws-a' }, 400, 'CROSS_WORKSPACE_GRANT_TO_SELF'],
      [{ centralWorkspace: 'nowhere' }, 400, 'CROSS_WORKSPACE_UNKNOWN'],
      [{ centralWorkspace: '' }, 400, 'VALIDATION_FAILED'],
      [{ centralWorkspace: 'soc', scope: 'raw_events' }, 400, 'VALIDATION_FAILED'],
      [{ centralWorkspace: 'soc', extra: true }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await post(payload);
      assert.equal(res.statusCode, status, `${JSON.stringify(payload)}: ${res.body}`);
      const error = res.json<{ error: { code: string; message: string } }>().error;
      assert.equal(error.code, code, JSON.stringify(payload));
    }
    const self = await post({ centralWorkspace: 'ws-a' });
    assert.match(self.json<{ error: { message: string } }>().error.message, /centralWorkspace/);
    const list = await app.inject({ url: grants('ws-a'), headers: admin.headers });
    assert.deepEqual(list.json<GrantList>().given, []);

    assert.equal((await post({ centralWorkspace: 'soc' })).statusCode, 201);
    const dup = await post({ centralWorkspace: 'soc' });
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.json<{ error: { code: string } }>().error.code, 'CROSS_WORKSPACE_GRANT_EXISTS');
  } finally {
    await app.close();
  }
});
