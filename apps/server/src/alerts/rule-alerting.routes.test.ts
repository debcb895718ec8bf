import assert from 'node:assert/strict';
import { test } from 'node:test';
import { silentLogger, createInProcessBus } from '@vigil/core';
import type { Alert } from '@vigil/cases';
import { casesFixture, processEvent, WS } from './testing/cases-fixture.ts';
import { DETECTIONS_TOPIC, startAlertPipeline } from './alert-pipeline.ts';

const base = `/api/v1/workspaces/${WS}/rules`;
const RULE = `title: Brute force from one address
id: 6a1f3c2e-1111-4a2b-9c3d-000000000001
status: stable
level: high
logsource:
  category: process_creation
  product: windows
detection:
  selection:
    Image|endswith: '\\whoami.exe'
  condition: selection
`;
const RULE_ID = '6a1f3c2e-1111-4a2b-9c3d-000000000001';

function detection(id: string, host: string, ip: string, at: number) {
  const event = processEvent(`e-${id}`, at, host, `user-${host}`);
  return {
    id,
    kind: 'match',
    workspace: WS,
    rule: { id: RULE_ID, title: 'Brute force', level: 'high', tags: [], version: 1 },
    events: [{ ...event, source: { ip } }],
    time: new Date(at).toISOString(),
  };
}

test('rule alerting settings: validated, audited, survive a rule update and drive the pipeline dedup', async () => {
  const f = await casesFixture();
  const { app, analyst, viewer } = f;
  try {
    const imported = await app.inject({
      method: 'POST',
      url: `${base}/import?path=rules/brute.yml`,
      headers: { ...analyst.headers, 'content-type': 'application/yaml' },
      payload: RULE,
    });
    assert.equal(imported.statusCode, 200, imported.body);
    const url = `${base}/${RULE_ID}/alerting`;

    const initial = await app.inject({ url, headers: viewer.headers });
    assert.equal(initial.statusCode, 200, initial.body);
    assert.deepEqual(initial.json(), {
      ruleId: RULE_ID,
      dedupFields: ['host.name', 'user.name'],
      dedupWindowSeconds: 3600,
      isDefault: true,
    });
    const missing = await app.inject({ url: `${base}/nope/alerting`, headers: viewer.headers });
    assert.equal(missing.statusCode, 404);

    const put = (payload: unknown, headers = analyst.headers) =>
      app.inject({ method: 'PUT', url, headers, payload: payload as Record<string, unknown> });
    assert.equal(
      (await put({ dedupFields: ['source.ip'], dedupWindowSeconds: 600 }, viewer.headers)).statusCode,
      403,
    );
    const badField = await put({ dedupFields: ['source ip'], dedupWindowSeconds: 600 });
    assert.equal(badField.statusCode, 400);
    assert.match(badField.body, /dedupFields/);
    const badWindow = await put({ dedupFields: ['source.ip'], dedupWindowSeconds: 5 });
    assert.equal(badWindow.statusCode, 400);
    assert.match(badWindow.body, /dedupWindowSeconds/);

    const saved = await put({ dedupFields: ['source.ip'], dedupWindowSeconds: 600 });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json<{ isDefault: boolean }>().isDefault, false);
    const audit = await f.identity.stores.audit.find({ limit: 1000 });
    assert.equal(audit.filter((r) => r.event_type === 'rule_alerting.updated').length, 1);

    // A rule update (new text) keeps the settings: they live apart from the rule.
    const updated = await app.inject({
      method: 'POST',
      url: `${base}/import?path=rules/brute.yml`,
      headers: { ...analyst.headers, 'content-type': 'application/yaml' },
      payload: RULE.replace('level: high', 'level: critical'),
    });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.deepEqual(
      (await app.inject({ url, headers: viewer.headers })).json<{ dedupFields: string[] }>().dedupFields,
      ['source.ip'],
    );

    // Two hits on different hosts from the same source address fold into one alert.
    const bus = createInProcessBus();
    const pipeline = await startAlertPipeline({ bus, cases: f.cases, logger: silentLogger });
    try {
      const t = f.clock.now();
      await bus.publish(DETECTIONS_TOPIC, [
        detection('d1', 'ws01', '10.0.0.9', t),
        detection('d2', 'ws02', '10.0.0.9', t + 1),
      ]);
      await bus.publish(DETECTIONS_TOPIC, [detection('d3', 'ws03', '10.0.0.7', t + 2)]);
      const deadline = Date.now() + 5000;
      while (pipeline.counters.detections < 3 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 10));
      const alerts = await f.cases.alerts.list(WS, { limit: 100 });
      const ofRule = alerts.filter((a: Alert) => a.rule.id === RULE_ID);
      assert.deepEqual(ofRule.map((a) => a.count).sort(), [1, 2]);
    } finally {
      await pipeline.stop();
    }

    const reset = await app.inject({ method: 'DELETE', url, headers: analyst.headers });
    assert.equal(reset.statusCode, 204);
    assert.equal(
      (await app.inject({ url, headers: viewer.headers })).json<{ isDefault: boolean }>().isDefault,
      true,
    );
  } finally {
    await app.close();
  }
});
