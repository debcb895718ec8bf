import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isVigilError } from '@vigil/core';
import { assertProfilingAcknowledged, PROFILING_NOTICE_VERSION } from '@vigil/identity';
import { addUser, authFixture, login } from '../auth/testing/auth-fixture.ts';
import { ProfilingAcknowledgementStore } from './profiling-acknowledgement-store.ts';

const PASSWORD = 'Privacy-Passw0rd-1';
const URL = '/api/v1/workspaces/ws-a/privacy/profiling-acknowledgement';
type State = {
  acknowledged: boolean;
  notice: { version: string; text: string };
  acknowledgement: { acknowledgedBy: string; acknowledgedAt: string; textVersion: string } | null;
};

test('profiling needs a recorded, audited acknowledgement by someone holding privacy.manage', async () => {
  const { app, rt, clock } = await authFixture();
  await addUser(rt, 'owner', PASSWORD, [['owner', 'ws-a']]);
  await addUser(rt, 'analyst', PASSWORD, [['analyst', 'ws-a']]);
  await addUser(rt, 'outsider', PASSWORD, [['owner', 'ws-b']]);
  const owner = await login(app, 'owner', PASSWORD);
  const analyst = await login(app, 'analyst', PASSWORD);
  const outsider = await login(app, 'outsider', PASSWORD);
  const acks = new ProfilingAcknowledgementStore(rt.metadata);
  const guard = async () => {
    try {
      return assertProfilingAcknowledged({ id: 'ws-a', profilingAcknowledgement: await acks.get('ws-a') });
    } catch (e) {
      return isVigilError(e) ? e.code : 'other';
    }
  };

  assert.equal((await app.inject({ method: 'GET', url: URL })).statusCode, 401);
  assert.equal((await app.inject({ method: 'POST', url: URL, payload: {} })).statusCode, 401);
  const before = await app.inject({ method: 'GET', url: URL, headers: owner.headers });
  assert.equal(before.statusCode, 200);
  assert.equal(before.json<State>().acknowledged, false);
  assert.equal(before.json<State>().notice.version, PROFILING_NOTICE_VERSION);
  assert.equal(await guard(), 'PROFILING_NOT_ACKNOWLEDGED');

  const body = { textVersion: PROFILING_NOTICE_VERSION, acknowledged: true };
  const denied = await app.inject({ method: 'POST', url: URL, headers: analyst.headers, payload: body });
  assert.equal(denied.statusCode, 403);
  const foreign = await app.inject({ method: 'POST', url: URL, headers: outsider.headers, payload: body });
  assert.equal(foreign.statusCode, 403);
  const stale = await app.inject({
    method: 'POST',
    url: URL,
    headers: owner.headers,
    payload: { textVersion: 'old', acknowledged: true },
  });
  assert.equal(stale.statusCode, 409);
  assert.equal(await guard(), 'PROFILING_NOT_ACKNOWLEDGED');

  const ok = await app.inject({ method: 'POST', url: URL, headers: owner.headers, payload: body });
  assert.equal(ok.statusCode, 201, ok.body);
  assert.deepEqual(ok.json<State>().acknowledgement, {
    acknowledgedBy: 'u-owner',
    acknowledgedAt: new Date(clock.now()).toISOString(),
    textVersion: PROFILING_NOTICE_VERSION,
  });
  const read = await app.inject({ method: 'GET', url: URL, headers: analyst.headers });
  assert.equal(read.json<State>().acknowledged, true);
  const ack = await guard();
  assert.equal(typeof ack === 'object' && ack.acknowledgedBy, 'u-owner');
  const audited = await rt.stores.audit.find({
    eventType: 'privacy.profiling_acknowledged',
    workspace: 'ws-a',
  });
  assert.equal(audited.length, 1);
  assert.equal(audited[0]?.user_id, 'u-owner');

  const withdrawn = await app.inject({ method: 'DELETE', url: URL, headers: owner.headers });
  assert.equal(withdrawn.json<State>().acknowledged, false);
  assert.equal(await guard(), 'PROFILING_NOT_ACKNOWLEDGED');
  assert.equal((await rt.stores.audit.find({ eventType: 'privacy.profiling_withdrawn' })).length, 1);
  await app.close();
});
