import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { VigilEvent } from '@vigil/core';
import { pgUrl, skipUnless } from '@vigil/testkit';
import {
  investigationFixture,
  storedEvent,
  T0,
  WS,
  type InvestigationFixture,
} from './testing/investigation-fixture.ts';

interface TimelineBody {
  from: number;
  to: number;
  truncated: boolean;
  entries: { id: string; at: number; alertIds: string[]; entityKeys: string[] }[];
}
interface GraphBody {
  from: number;
  to: number;
  truncated: boolean;
  eventIds: string[];
  nodes: { id: string; kind: string; events: number }[];
  edges: { id: string; kind: string; source: string; target: string; weight: number }[];
}
interface ErrorBody {
  error: { code: string; details?: { field?: string } };
}

const base = `/api/v1/workspaces/${WS}`;
const win = (pid: number, exe: string, parent: Record<string, unknown>) => ({
  process: { executable: exe, pid, entity_id: `{${pid}}`, parent },
});

// ws01 / alice: a process chain explorer → cmd → powershell, a connection, then alice on ws02.
const events: VigilEvent[] = [
  storedEvent('e1', -30, {
    host: { name: 'WS01' },
    user: { name: 'alice' },
    ...win(200, 'C:\\Windows\\System32\\cmd.exe', { pid: 100, executable: 'C:\\Windows\\explorer.exe' }),
  }),
  storedEvent('e2', 0, {
    host: { name: 'ws01' },
    user: { name: 'alice' },
    source: { ip: '10.0.0.5' },
    ...win(300, 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', { entity_id: '{200}' }),
  }),
  storedEvent('e3', 5, { host: { name: 'ws01' }, destination: { ip: '203.0.113.9' } }),
  storedEvent('e4', 10, { host: { name: 'ws02' }, user: { name: 'alice' } }),
  storedEvent('e5', 200, { host: { name: 'ws01' } }), // outside a 1h window
  storedEvent('e6', 1, { host: { name: 'ws01x' } }), // a prefix of the host, not the host
  storedEvent('e7', 2, { host: { name: 'ws09' }, user: { name: 'bob' } }), // unrelated
  storedEvent('b1', 0, { host: { name: 'ws01' }, user: { name: 'alice' } }, 'ws-b'), // another tenant
];
const doc = (id: string) => events.find((e) => e.vigil.id === id) ?? {};

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(
    `investigation API over stored events (${kind})`,
    { skip: kind === 'postgres' ? skipUnless(pgUrl(), 'VIGIL_PG_URL') : false },
    () => {
      let f: InvestigationFixture;
      let alertId = '';
      let secondAlertId = '';
      let incidentId = '';
      const get = (url: string, session = f.analyst) => f.app.inject({ url, headers: session.headers });

      before(async () => {
        f = await investigationFixture(kind);
        await f.storage.events.append(events);
        const create = async (title: string, eventIds: string[]) => {
          const res = await f.app.inject({
            method: 'POST',
            url: `${base}/alerts`,
            headers: f.analyst.headers,
            payload: { title, severity: 'high', events: eventIds.map(doc) },
          });
          assert.equal(res.statusCode, 201, res.body);
          return res.json<{ created: { id: string }[]; incidents: { incidentId?: string }[] }>();
        };
        // The API takes "now" as the detection time: raise each alert when its event happened.
        f.clock.set(T0);
        const first = await create('Encoded PowerShell', ['e2']);
        f.clock.set(T0 + 10 * 60_000);
        alertId = first.created[0]?.id ?? '';
        const second = await create('Logon on another host', ['e4']);
        f.clock.set(T0 + 3_600_000);
        secondAlertId = second.created[0]?.id ?? '';
        incidentId = second.incidents[0]?.incidentId ?? first.incidents[0]?.incidentId ?? '';
        if (incidentId === '') {
          const res = await f.app.inject({
            method: 'POST',
            url: `${base}/incidents`,
            headers: f.analyst.headers,
            payload: { title: 'alice', alertIds: [alertId, secondAlertId] },
          });
          incidentId = res.json<{ id: string }>().id;
        }
        assert.ok(alertId && secondAlertId && incidentId);
      });
      after(async () => f.close());

      test('alert timeline: events of its entities ±1h, oldest first, linked events tagged, others dropped', async () => {
        const res = await get(`${base}/alerts/${alertId}/timeline`);
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json<TimelineBody>();
        assert.deepEqual(
          body.entries.map((e) => e.id),
          ['e1', 'e2', 'e3', 'e4'],
        );
        assert.deepEqual(body.entries[1]?.alertIds, [alertId]);
        assert.ok(body.entries[2]?.entityKeys.includes('host:ws01'));
        assert.deepEqual(body.entries[3]?.entityKeys, ['user:alice']);
        assert.equal(body.from, T0 - 3_600_000);
        assert.equal(body.truncated, false);

        const narrow = await get(`${base}/alerts/${alertId}/timeline?before=10m&after=6m`);
        assert.deepEqual(
          narrow.json<TimelineBody>().entries.map((e) => e.id),
          ['e2', 'e3'],
        );
        const cut = await get(`${base}/alerts/${alertId}/timeline?limit=2`);
        const cutBody = cut.json<TimelineBody>();
        assert.equal(cutBody.truncated, true);
        assert.equal(cutBody.entries.length, 2);
        assert.ok(
          cutBody.entries.some((e) => e.id === 'e2'),
          'the linked event is kept',
        );
      });

      test('windows and limits are validated, naming the field', async () => {
        for (const [query, field] of [
          ['before=8d', 'before'],
          ['after=soon', 'after'],
          ['limit=0', 'limit'],
          ['limit=5000', 'limit'],
        ] as const) {
          const res = await get(`${base}/alerts/${alertId}/timeline?${query}`);
          assert.equal(res.statusCode, 400, query);
          assert.match(res.body, new RegExp(field), query);
        }
        assert.equal((await get(`${base}/alerts/${alertId}/graph?limit=301`)).statusCode, 400);
        assert.equal((await get(`${base}/alerts/${alertId}/timeline?window=1h`)).statusCode, 400);
      });

      test('alert graph: alert and entity nodes, co-occurrence weights, parent→child processes', async () => {
        const res = await get(`${base}/alerts/${alertId}/graph`);
        assert.equal(res.statusCode, 200, res.body);
        const g = res.json<GraphBody>();
        const ids = g.nodes.map((n) => n.id);
        for (const id of [
          `alert:${alertId}`,
          'host:ws01',
          'host:ws02',
          'user:alice',
          'ip:10.0.0.5',
          'ip:203.0.113.9',
        ])
          assert.ok(ids.includes(id), id);
        assert.ok(!ids.includes('host:ws01x') && !ids.includes('user:bob'));
        assert.equal(g.edges.find((e) => e.id === 'co_occurs:host:ws01|user:alice')?.weight, 2);
        const chain = g.edges
          .filter((e) => e.kind === 'parent_child')
          .map((e) => `${e.source} > ${e.target}`)
          .sort();
        assert.deepEqual(chain, [
          'process:c:\\windows\\explorer.exe#100 > process:c:\\windows\\system32\\cmd.exe#200',
          'process:c:\\windows\\system32\\cmd.exe#200 > process:c:\\windows\\system32\\windowspowershell\\v1.0\\powershell.exe#300',
        ]);
        assert.ok(
          g.edges.some(
            (e) => e.kind === 'involves' && e.source === `alert:${alertId}` && e.target === 'ip:10.0.0.5',
          ),
        );
        assert.deepEqual([...g.eventIds].sort(), ['e1', 'e2', 'e3', 'e4']);
      });

      test('incident timeline and graph cover all its alerts', async () => {
        const t = await get(`${base}/incidents/${incidentId}/timeline`);
        assert.equal(t.statusCode, 200, t.body);
        const entries = t.json<TimelineBody>().entries;
        assert.deepEqual(entries.find((e) => e.id === 'e4')?.alertIds, [secondAlertId]);
        assert.deepEqual(entries.find((e) => e.id === 'e2')?.alertIds, [alertId]);
        const g = await get(`${base}/incidents/${incidentId}/graph`);
        assert.equal(g.statusCode, 200, g.body);
        const nodes = g.json<GraphBody>().nodes.map((n) => n.id);
        assert.ok(nodes.includes(`alert:${alertId}`) && nodes.includes(`alert:${secondAlertId}`));
      });

      test('expand: a delta of nodes and edges from more events of one entity, known events not recounted', async () => {
        const graph = (
          await get(`${base}/alerts/${alertId}/timeline?before=1m&after=1m`)
        ).json<TimelineBody>();
        assert.deepEqual(
          graph.entries.map((e) => e.id),
          ['e2'],
        );
        const expand = (payload: Record<string, unknown>) =>
          f.app.inject({ method: 'POST', url: `${base}/graph/expand`, headers: f.analyst.headers, payload });
        const range = {
          from: new Date(T0 - 3_600_000).toISOString(),
          to: new Date(T0 + 4 * 3_600_000).toISOString(),
        };
        const res = await expand({ kind: 'host', value: 'WS01', ...range, knownEventIds: ['e2'] });
        assert.equal(res.statusCode, 200, res.body);
        const delta = res.json<GraphBody>();
        assert.deepEqual([...delta.eventIds].sort(), ['e1', 'e3', 'e5']);
        assert.ok(delta.nodes.some((n) => n.id === 'ip:203.0.113.9'));
        // Only e2 names 10.0.0.5 and it is known: the node comes with its alert, but no event counts again.
        assert.equal(delta.nodes.find((n) => n.id === 'ip:10.0.0.5')?.events, 0);
        assert.equal(delta.edges.find((e) => e.id === 'co_occurs:host:ws01|user:alice')?.weight, 1);
        assert.ok(
          delta.nodes.some((n) => n.id === `alert:${alertId}`),
          'alerts naming the entity come along',
        );

        // A process node's value carries its pid: its events match by executable, its alerts by the pid too.
        const proc = await expand({
          kind: 'process',
          value: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe#300',
          ...range,
        });
        assert.equal(proc.statusCode, 200, proc.body);
        const procDelta = proc.json<GraphBody>();
        assert.deepEqual(procDelta.eventIds, ['e2']);
        assert.ok(procDelta.nodes.some((n) => n.id === `alert:${alertId}`));

        const bad = await expand({ kind: 'planet', value: 'x', ...range });
        assert.equal(bad.statusCode, 400);
        assert.equal(bad.json<ErrorBody>().error.details?.field, 'kind');
        const backwards = await expand({ kind: 'host', value: 'ws01', from: range.to, to: range.from });
        assert.equal(backwards.json<ErrorBody>().error.details?.field, 'to');
        const wide = await expand({
          kind: 'host',
          value: 'ws01',
          from: range.from,
          to: '2026-07-01T00:00:00Z',
        });
        assert.equal(wide.statusCode, 400);
        const badTime = await expand({ kind: 'host', value: 'ws01', from: 'yesterday', to: range.to });
        assert.equal(badTime.json<ErrorBody>().error.details?.field, 'from');
      });

      test('entity page: related alerts and incidents, recent events newest first, first/last seen', async () => {
        const res = await get(`${base}/entities/host/WS01`);
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json<{
          key: string;
          firstSeenAt: number;
          lastSeenAt: number;
          alerts: { id: string }[];
          incidents: { id: string }[];
          recentEvents: { vigil: { id: string; workspace: string } }[];
        }>();
        assert.equal(body.key, 'host:ws01');
        assert.deepEqual(
          body.recentEvents.map((e) => e.vigil.id),
          ['e5', 'e3', 'e2', 'e1'],
        );
        assert.equal(body.firstSeenAt, T0 - 30 * 60_000);
        assert.equal(body.lastSeenAt, T0 + 200 * 60_000);
        assert.deepEqual(
          body.alerts.map((a) => a.id),
          [alertId],
        );
        assert.deepEqual(
          body.incidents.map((i) => i.id),
          [incidentId],
        );

        const user = (await get(`${base}/entities/user/alice?limit=2`)).json<{
          recentEvents: { vigil: { id: string } }[];
          alerts: unknown[];
        }>();
        assert.deepEqual(
          user.recentEvents.map((e) => e.vigil.id),
          ['e4', 'e2'],
        );
        assert.equal(user.alerts.length, 2);
        const ip = (await get(`${base}/entities/ip/203.0.113.9`)).json<{ recentEvents: unknown[] }>();
        assert.equal(ip.recentEvents.length, 1);

        const unseen = (await get(`${base}/entities/ip/198.51.100.1`)).json<Record<string, unknown>>();
        assert.equal(unseen['firstSeenAt'], undefined);
        for (const [url, field] of [
          [`${base}/entities/process/cmd.exe`, 'kind'],
          [`${base}/entities/ip/not-an-ip`, 'value'],
          [`${base}/entities/host/ws01?days=91`, 'days'],
        ] as const) {
          const r = await get(url);
          assert.equal(r.statusCode, 400, url);
          assert.equal(r.json<ErrorBody>().error.details?.field, field, url);
        }
      });

      test('entity page around a time: at ± before/after, events nearest it, cases active in it', async () => {
        const at = new Date(T0 + 2 * 60_000).toISOString();
        const res = await get(`${base}/entities/host/ws01?at=${at}&before=10m&after=5m`);
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json<{
          from: number;
          to: number;
          at: number;
          alerts: { id: string }[];
          recentEvents: { vigil: { id: string } }[];
        }>();
        assert.equal(body.at, T0 + 2 * 60_000);
        assert.equal(body.from, T0 - 8 * 60_000);
        assert.equal(body.to, T0 + 7 * 60_000 + 1);
        assert.deepEqual(
          body.recentEvents.map((e) => e.vigil.id),
          ['e3', 'e2'],
          'e1 (-30m) and e5 (+200m) are outside the window',
        );
        assert.deepEqual(
          body.alerts.map((a) => a.id),
          [alertId],
        );
        const later = (
          await get(
            `${base}/entities/host/ws01?at=${new Date(T0 + 200 * 60_000).toISOString()}&before=1m&after=1m`,
          )
        ).json<{ alerts: unknown[]; recentEvents: { vigil: { id: string } }[] }>();
        assert.deepEqual(
          later.recentEvents.map((e) => e.vigil.id),
          ['e5'],
        );
        assert.deepEqual(later.alerts, [], 'the alert was not active three hours later');
        for (const [url, field] of [
          [`${base}/entities/host/ws01?at=${at}&days=3`, 'days'],
          [`${base}/entities/host/ws01?before=1h`, 'before'],
          [`${base}/entities/host/ws01?at=${at}&after=9d`, 'after'],
          [`${base}/entities/host/ws01?at=soon`, 'at'],
        ] as const) {
          const r = await get(url);
          assert.equal(r.statusCode, 400, url);
          assert.equal(r.json<ErrorBody>().error.details?.field, field, url);
        }
      });

      test('reads are workspace-scoped: other tenants are refused, unknown ids are 404', async () => {
        assert.equal((await get(`${base}/alerts/${alertId}/timeline`, f.outsider)).statusCode, 403);
        assert.equal((await get(`${base}/entities/host/ws01`, f.outsider)).statusCode, 403);
        // ws-b has its own ws01 events; ws-a's entity page never shows them (checked above: b1 absent).
        const other = await get(`/api/v1/workspaces/ws-b/entities/host/ws01`, f.outsider);
        assert.equal(other.statusCode, 200, other.body);
        assert.deepEqual(
          other.json<{ recentEvents: { vigil: { id: string } }[] }>().recentEvents.map((e) => e.vigil.id),
          ['b1'],
        );
        assert.equal((await get(`${base}/alerts/nope/graph`)).statusCode, 404);
        assert.equal((await get(`${base}/incidents/nope/timeline`)).statusCode, 404);
      });
    },
  );
}
