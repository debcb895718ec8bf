import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, authFixture, login } from '../auth/testing/auth-fixture.ts';
import type { AuthFixture, Session } from '../auth/testing/auth-fixture.ts';
import {
  BRUTE_ID,
  bruteForceCorrelation,
  FAILED_ID,
  failedLogonRule,
  WHOAMI_ID,
  whoamiRule,
} from '../detection/detection-fixture.ts';

const PASSWORD = 'Correct-Horse-42!';
const BASE = '/api/v1/workspaces/ws-a/rules';

describe('rules API: bulk enable/disable', () => {
  let fx: AuthFixture;
  let analyst: Session;
  let viewer: Session;

  before(async () => {
    fx = await authFixture();
    await addUser(fx.rt, 'ana', PASSWORD, [['analyst', 'ws-a']]);
    await addUser(fx.rt, 'vic', PASSWORD, [['viewer', 'ws-a']]);
    analyst = await login(fx.app, 'ana', PASSWORD);
    viewer = await login(fx.app, 'vic', PASSWORD);
    const files = [
      { path: 'whoami.yml', text: whoamiRule() },
      { path: 'failed.yml', text: failedLogonRule },
      { path: 'brute.yml', text: bruteForceCorrelation },
    ];
    const res = await call('POST', `${BASE}/import`, analyst, { files });
    assert.equal(res.statusCode, 200, res.body);
  });
  after(async () => {
    await fx.app.close();
  });

  const call = (method: 'GET' | 'POST', url: string, session: Session, payload?: unknown) =>
    fx.app.inject({
      method,
      url,
      headers: session.headers,
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
  const enabledIds = async () =>
    (await call('GET', `${BASE}?enabled=true`, viewer))
      .json<{ rules: { id: string }[] }>()
      .rules.map((r) => r.id)
      .sort();
  const bulk = (body: unknown, session = analyst) => call('POST', `${BASE}/bulk-enable`, session, body);

  test('by ids: enables the listed rules, reports what changed, and is audited', async () => {
    const res = await bulk({ enabled: true, ids: [WHOAMI_ID, FAILED_ID] });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{ changed: string[]; unchanged: number; selected: number }>();
    assert.deepEqual(body.changed.sort(), [WHOAMI_ID, FAILED_ID].sort());
    assert.equal(body.unchanged, 0);
    assert.deepEqual(await enabledIds(), [WHOAMI_ID, FAILED_ID].sort());
    const again = await bulk({ enabled: true, ids: [WHOAMI_ID] });
    assert.deepEqual(again.json<{ changed: string[]; unchanged: number }>(), {
      enabled: true,
      selected: 1,
      changed: [],
      unchanged: 1,
    });
    const audit = await fx.rt.stores.audit.find({ limit: 1000 });
    const entry = audit.find((r) => r.event_type === 'rules.bulk_enabled');
    assert.ok(entry, 'the bulk change is audited');
    assert.equal(entry.result, 'success');
    assert.deepEqual(((entry.details ?? {}) as { ids: string[] }).ids.sort(), [WHOAMI_ID, FAILED_ID].sort());
  });

  test('by filter: tag, level, logsource, type and search text select the rules', async () => {
    const off = await bulk({ enabled: false, filter: { tag: 'attack.t1033' } });
    assert.deepEqual(off.json<{ changed: string[] }>().changed, [WHOAMI_ID]);
    const byLogsource = await bulk({ enabled: false, filter: { logsource: 'windows:*:security' } });
    assert.deepEqual(byLogsource.json<{ changed: string[] }>().changed, [FAILED_ID]);
    const byText = await bulk({ enabled: true, filter: { q: 'brute', type: 'correlation' } });
    assert.deepEqual(byText.json<{ changed: string[] }>().changed, [BRUTE_ID]);
    const byLevel = await bulk({ enabled: true, filter: { level: 'high' } });
    assert.deepEqual(byLevel.json<{ changed: string[] }>().changed, [WHOAMI_ID]);
    assert.deepEqual(await enabledIds(), [BRUTE_ID, WHOAMI_ID].sort());
  });

  test('all or nothing: one unknown id changes nothing; bad bodies name the field', async () => {
    const before = await enabledIds();
    const res = await bulk({ enabled: false, ids: [WHOAMI_ID, 'no-such-rule'] });
    assert.equal(res.statusCode, 404, res.body);
    assert.match(res.body, /not found/);
    assert.match(res.body, /"field":"ids"/);
    assert.deepEqual(await enabledIds(), before);
    const both = await bulk({ enabled: true, ids: [WHOAMI_ID], filter: { level: 'high' } });
    assert.equal(both.statusCode, 400);
    assert.match(both.json<{ error: { message: string } }>().error.message, /either "ids" or "filter"/);
    const neither = await bulk({ enabled: true });
    assert.equal(neither.statusCode, 400);
    const empty = await bulk({ enabled: true, filter: {} });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /"field":"filter"/);
    const noFlag = await bulk({ ids: [WHOAMI_ID] });
    assert.equal(noFlag.statusCode, 400);
    assert.match(noFlag.body, /enabled/);
    assert.deepEqual(await enabledIds(), before);
  });

  test('needs rules.write: viewers are refused', async () => {
    const res = await bulk({ enabled: false, ids: [WHOAMI_ID] }, viewer);
    assert.equal(res.statusCode, 403);
  });
});
