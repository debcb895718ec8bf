import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Incident } from '@vigil/cases';
import { casesFixture, WS } from '../alerts/testing/cases-fixture.ts';

const base = `/api/v1/workspaces/${WS}`;

interface NotificationsBody {
  notifications: {
    id: string;
    kind: string;
    actor: string;
    incidentId: string;
    excerpt: string;
    readAt?: number;
  }[];
  unread: number;
}

test('mentions resolve to workspace members, are recorded by user id and notify the mentioned', async () => {
  const f = await casesFixture();
  const { app, analyst, viewer, outsider } = f;
  try {
    const created = await app.inject({
      method: 'POST',
      url: `${base}/incidents`,
      headers: analyst.headers,
      payload: { title: 'Lateral movement', severity: 'high' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const incident = created.json<Incident>();
    const comment = await app.inject({
      method: 'POST',
      url: `${base}/incidents/${incident.id}/comments`,
      headers: analyst.headers,
      payload: { text: '@VAL can you check ws01? cc @otto @nobody and me @ana.' },
    });
    assert.equal(comment.statusCode, 201, comment.body);
    const body = comment.json<
      Incident & { mentions: { members: { userId: string; username: string }[]; unknown: string[] } }
    >();
    const val = await f.identity.stores.users.getByUsername('val');
    const ana = await f.identity.stores.users.getByUsername('ana');
    assert.ok(val && ana);
    assert.deepEqual(body.mentions.members, [
      { userId: val.id, username: 'val' },
      { userId: ana.id, username: 'ana' },
    ]);
    assert.deepEqual(body.mentions.unknown, ['otto', 'nobody'], 'otto is a member of another workspace only');
    const entry = body.timeline.at(-1);
    assert.equal(entry?.field, 'mentions');
    assert.deepEqual(entry?.after, [val.id, ana.id]);

    const mine = await app.inject({ url: `${base}/notifications`, headers: viewer.headers });
    assert.equal(mine.statusCode, 200, mine.body);
    const n = mine.json<NotificationsBody>();
    assert.equal(n.unread, 1);
    assert.equal(n.notifications[0]?.kind, 'mention');
    assert.equal(n.notifications[0]?.incidentId, incident.id);
    assert.equal(n.notifications[0]?.actor, ana.id);
    assert.match(n.notifications[0]?.excerpt ?? '', /can you check ws01/);
    const own = (
      await app.inject({ url: `${base}/notifications`, headers: analyst.headers })
    ).json<NotificationsBody>();
    assert.equal(own.notifications.length, 0, 'mentioning yourself notifies nobody');
    assert.equal(
      (await app.inject({ url: `${base}/notifications`, headers: outsider.headers })).statusCode,
      403,
    );

    const bad = await app.inject({
      method: 'POST',
      url: `${base}/notifications/read`,
      headers: viewer.headers,
      payload: {},
    });
    assert.equal(bad.statusCode, 400);
    // Marking another user's notification by id changes nothing.
    const foreign = await app.inject({
      method: 'POST',
      url: `${base}/notifications/read`,
      headers: analyst.headers,
      payload: { ids: [n.notifications[0]?.id ?? ''] },
    });
    assert.equal(foreign.json<{ changed: number }>().changed, 0);
    const read = await app.inject({
      method: 'POST',
      url: `${base}/notifications/read`,
      headers: viewer.headers,
      payload: { all: true },
    });
    assert.equal(read.json<{ changed: number }>().changed, 1);
    const after = (
      await app.inject({ url: `${base}/notifications`, headers: viewer.headers })
    ).json<NotificationsBody>();
    assert.equal(after.unread, 0);
    assert.equal(typeof after.notifications[0]?.readAt, 'number');
  } finally {
    await app.close();
  }
});
