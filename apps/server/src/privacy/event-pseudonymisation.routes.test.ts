import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { openSqliteStorage } from '@vigil/store-sqlite';
import { makeEvent } from '@vigil/testkit';
import { addUser, authFixture, login } from '../auth/testing/auth-fixture.ts';

const PASSWORD = 'Erasure-Passw0rd-1';
const URL = '/api/v1/workspaces/ws-a/privacy/event-pseudonymisation';
const T0 = Date.UTC(2026, 4, 1);
const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function fixture() {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-erasure-'));
  dirs.push(dataDir);
  const storage = await openSqliteStorage({ dataDir });
  await storage.migrate();
  await storage.events.append([
    makeEvent({
      workspace: 'ws-a',
      id: 'e1',
      ts: T0,
      fields: { user: { name: 'alice' }, message: 'alice logged on' },
    }),
    makeEvent({ workspace: 'ws-a', id: 'e2', ts: T0 + 1000, fields: { user: { name: 'bob' } } }),
    makeEvent({ workspace: 'ws-b', id: 'e3', ts: T0, fields: { user: { name: 'alice' } } }),
  ]);
  const f = await authFixture({ storage, env: { VIGIL_DATA_DIR: dataDir } });
  await addUser(f.rt, 'olga', PASSWORD, [['owner', 'ws-a']]);
  await addUser(f.rt, 'ana', PASSWORD, [['analyst', 'ws-a']]);
  return {
    ...f,
    storage,
    owner: await login(f.app, 'olga', PASSWORD),
    analyst: await login(f.app, 'ana', PASSWORD),
  };
}

const docs = async (storage: Awaited<ReturnType<typeof fixture>>['storage'], workspace: string) =>
  (await storage.events.query({ workspace, from: T0 - 1, to: T0 + 10_000, limit: 10, order: 'asc' })).events;

test('event pseudonymisation: dry run by default, then the run; audited without the identifiers', async () => {
  const f = await fixture();
  try {
    const body = {
      identifiers: ['alice'],
      from: new Date(T0).toISOString(),
      to: new Date(T0 + 60_000).toISOString(),
    };
    const dry = await f.app.inject({ method: 'POST', url: URL, headers: f.owner.headers, payload: body });
    assert.equal(dry.statusCode, 200, dry.body);
    assert.deepEqual(dry.json(), {
      dryRun: true,
      from: body.from,
      to: body.to,
      identifiers: 1,
      scanned: 1,
      matched: 1,
      rewritten: 0,
    });
    assert.equal((await docs(f.storage, 'ws-a'))[0]?.['message'], 'alice logged on');

    const run = await f.app.inject({
      method: 'POST',
      url: URL,
      headers: f.owner.headers,
      payload: { ...body, dryRun: false },
    });
    assert.equal(run.statusCode, 200, run.body);
    const { pseudonym, rewritten } = run.json<{ pseudonym: string; rewritten: number }>();
    assert.match(pseudonym, /^person-[0-9a-f]{12}$/);
    assert.equal(rewritten, 1);
    const [e1, e2] = await docs(f.storage, 'ws-a');
    assert.deepEqual(e1?.['user'], { name: pseudonym });
    assert.equal(e1?.['message'], `${pseudonym} logged on`);
    assert.deepEqual(e2?.['user'], { name: 'bob' });
    assert.deepEqual(
      (await docs(f.storage, 'ws-b'))[0]?.['user'],
      { name: 'alice' },
      'other workspace untouched',
    );

    const audit = await f.rt.stores.audit.find({ eventType: 'privacy.events_pseudonymised' });
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.workspace, 'ws-a');
    assert.ok(!JSON.stringify(audit).includes('alice'), 'the audit trail does not keep the identifiers');
    assert.equal(
      (await f.rt.stores.audit.find({ eventType: 'privacy.events_pseudonymisation_previewed' })).length,
      1,
    );
  } finally {
    await f.app.close();
    await f.storage.close();
  }
});

test('event pseudonymisation refuses bad input with the field named, and needs privacy.manage', async () => {
  const f = await fixture();
  try {
    const from = new Date(T0).toISOString();
    const to = new Date(T0 + 60_000).toISOString();
    for (const [payload, field] of [
      [{ identifiers: ['al'], from, to }, 'identifiers[0]'],
      [{ identifiers: ['alice'], from: to, to: from }, 'to'],
      [{ identifiers: ['alice'], from: 'yesterday', to }, 'from'],
    ] as const) {
      const res = await f.app.inject({ method: 'POST', url: URL, headers: f.owner.headers, payload });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json<{ error: { details: { field: string } } }>().error.details.field, field);
    }
    const schema = await f.app.inject({
      method: 'POST',
      url: URL,
      headers: f.owner.headers,
      payload: { from, to },
    });
    assert.equal(schema.statusCode, 400);
    const analyst = await f.app.inject({
      method: 'POST',
      url: URL,
      headers: f.analyst.headers,
      payload: { identifiers: ['alice'], from, to },
    });
    assert.equal(analyst.statusCode, 403);
    assert.equal((await docs(f.storage, 'ws-a'))[0]?.['message'], 'alice logged on', 'nothing written');
  } finally {
    await f.app.close();
    await f.storage.close();
  }
});
