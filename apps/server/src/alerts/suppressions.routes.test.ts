import assert from 'node:assert/strict';
import { test } from 'node:test';
import { casesFixture, processEvent, WS } from './testing/cases-fixture.ts';

const sup = `/api/v1/workspaces/${WS}/alert-suppressions`;

interface Rule {
  id: string;
  ruleId?: string;
  match: Record<string, string[]>;
  expiresAt: number;
  reason: string;
  enabled?: boolean;
  updatedBy?: string;
}

test('PATCH edits a suppression rule (fields, duration, reason, enabled), validated and audited', async () => {
  const f = await casesFixture();
  const { app, analyst, viewer, outsider } = f;
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
    const rule = created.json<Rule>();
    const patch = (payload: unknown, headers = analyst.headers, id = rule.id) =>
      app.inject({ method: 'PATCH', url: `${sup}/${id}`, headers, payload: payload as object });
    const alert = (id: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${WS}/alerts`,
        headers: analyst.headers,
        payload: { title: 'noisy', events: [processEvent(id, f.clock.now())] },
      });

    assert.equal((await alert('e-1')).json<{ suppressed: number }>().suppressed, 1);
    // Disabled: kept, but detections go through again.
    f.clock.advance(60_000);
    const off = await patch({ enabled: false, reason: 'patching done' });
    assert.equal(off.statusCode, 200, off.body);
    assert.equal(off.json<Rule>().enabled, false);
    assert.equal(off.json<Rule>().updatedBy, 'u-ana');
    assert.equal((await alert('e-2')).json<{ suppressed: number }>().suppressed, 0);
    const stored = await app.inject({ url: `${sup}/${rule.id}`, headers: viewer.headers });
    assert.equal(stored.json<Rule>().reason, 'patching done');

    // New fields and a new duration counted from now; null ruleId = every rule.
    const widened = await patch({
      enabled: true,
      match: { 'host.name': ['ws0*'] },
      durationMs: 7_200_000,
      ruleId: null,
    });
    assert.equal(widened.statusCode, 200, widened.body);
    const w = widened.json<Rule>();
    assert.deepEqual(w.match, { 'host.name': ['ws0*'] });
    assert.equal(w.expiresAt, f.clock.now() + 7_200_000);
    assert.equal(w.ruleId, undefined);
    assert.equal((await alert('e-3')).json<{ suppressed: number }>().suppressed, 1);

    // Bad input names the field and changes nothing.
    for (const [payload, field] of [
      [{ durationMs: 5 }, 'durationMs'],
      [{ enabled: 'yes' }, 'enabled'],
      [{ match: {} }, 'match'],
      [{}, ''],
      [{ owner: 'mallory' }, ''],
    ] as const) {
      const r = await patch(payload);
      assert.equal(r.statusCode, 400, `${JSON.stringify(payload)} → ${r.body}`);
      if (field !== '') assert.match(r.body, new RegExp(field));
    }
    assert.deepEqual(
      (await app.inject({ url: `${sup}/${rule.id}`, headers: viewer.headers })).json<Rule>(),
      w,
    );

    assert.equal((await patch({ enabled: false }, viewer.headers)).statusCode, 403);
    assert.equal(
      (
        await app.inject({
          method: 'PATCH',
          url: `/api/v1/workspaces/ws-b/alert-suppressions/${rule.id}`,
          headers: outsider.headers,
          payload: { enabled: false },
        })
      ).statusCode,
      404,
    );
    assert.equal((await patch({ enabled: false }, analyst.headers, 'nope')).statusCode, 404);

    const audit = await f.identity.stores.audit.find({ limit: 1000 });
    const edits = audit.filter((r) => r.event_type === 'alert_suppression.updated');
    assert.equal(edits.length, 2);
    assert.equal(edits[0]?.resource, `alert-suppression:${rule.id}`);
    assert.equal(edits[0]?.workspace, WS);
    assert.deepEqual(edits[0]?.details?.['changed'], ['reason', 'enabled']);
  } finally {
    await app.close();
  }
});
