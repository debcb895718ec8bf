import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WorkspaceOverview } from '@vigil/cases';
import { overviewFixture } from './testing/overview-fixture.ts';

test('the overview of a workspace: score with its inputs, trend, open counts, top rules and entities', async () => {
  const f = await overviewFixture();
  try {
    let analyst = await f.user('ana', [['analyst', 'ws-a']]);
    await f.alert(analyst, 'ws-a', 'critical', 'ws01', 'Encoded PowerShell');
    await f.alert(analyst, 'ws-a', 'critical', 'ws01', 'Mimikatz');
    await f.alert(analyst, 'ws-a', 'high', 'ws02', 'Brute force');
    f.clock.advance(26 * 3_600_000);
    analyst = await f.signIn('ana');
    const viewer = await f.user('val', [['viewer', 'ws-a']]);
    const outsider = await f.user('otto', [['owner', 'ws-b']]);
    await f.alert(analyst, 'ws-a', 'low', 'ws02', 'Port scan');
    await f.alert(outsider, 'ws-b', 'critical', 'other', 'Elsewhere');

    const res = await f.app.inject({ url: '/api/v1/workspaces/ws-a/overview', headers: viewer.headers });
    assert.equal(res.statusCode, 200, res.body);
    const o = res.json<WorkspaceOverview>();
    assert.equal(o.workspace, 'ws-a');
    assert.equal(o.days, 7);
    assert.deepEqual(o.trend.days.at(-1), '2026-06-08');
    assert.deepEqual(o.trend.alerts.critical.slice(-2), [2, 0]);
    assert.deepEqual(o.trend.alerts.high.slice(-2), [1, 0]);
    assert.deepEqual(o.trend.alerts.low.slice(-2), [0, 1]);
    assert.equal(o.alerts.openTotal, 4, 'ws-b’s alert is not counted');
    assert.deepEqual(o.alerts.open, { informational: 0, low: 1, medium: 0, high: 1, critical: 2 });
    assert.equal(o.alerts.createdInPeriod, 4);
    assert.equal(o.topRules.length, 4);
    assert.ok(o.topEntities.some((e) => e.key === 'host:ws01' && e.alerts === 2));
    assert.ok(!o.topEntities.some((e) => e.key === 'host:other'));
    assert.equal(o.score.inputs.length, 6);
    const points = o.score.inputs.reduce((s, i) => s + i.contribution, 0);
    assert.equal(o.score.score, Math.round(points));
    const alertsInput = o.score.inputs.find((i) => i.id === 'open_critical_high_alerts');
    assert.equal(alertsInput?.value, 3);
    assert.match(alertsInput?.explanation ?? '', /2 critical and 1 high/);
    assert.match(o.score.inputs.find((i) => i.id === 'ingest_health')?.explanation ?? '', /No events/);

    // reports.read in ws-a is needed: another workspace's owner is refused.
    const foreign = await f.app.inject({
      url: '/api/v1/workspaces/ws-a/overview',
      headers: outsider.headers,
    });
    assert.equal(foreign.statusCode, 403);
    const none = await f.app.inject({ url: '/api/v1/workspaces/ws-a/overview' });
    assert.equal(none.statusCode, 401);
  } finally {
    await f.app.close();
  }
});
