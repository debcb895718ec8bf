// End-to-end check of the investigation views against the real server (`vigil serve`, fresh data dir)
// with playwright-core and Debian's Chromium under the strict CSP: events are ingested and stored, two
// alerts over them group into an incident, and the incident page shows the event timeline and the entity
// graph (canvas + accessible list); a node is expanded and an entity page is opened. Steps run in order.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  type ConsoleServer,
  createOwner,
  launchChromium,
  signInVia,
  startConsoleServer,
  stopConsoleSuite,
} from '../testing/console-suite.ts';
import { cspViolations, openWatchedPage } from '../testing/watched-page.ts';

const OWNER = 'owner';
const OWNER_PASSWORD = 'Investigate-Pass-7';
const EXPECTED_REFUSALS = new Set(['GET /api/v1/workspaces 401']);

let vigil: ConsoleServer | undefined;
let browser: Browser | undefined;
let page: Page;
let baseUrl: string;
let incidentId = '';
/** Stored event ids by the marker in their message. */
let ids: Record<string, string> = {};
const problems: string[] = [];
const at = (path: string) => new URL(path, baseUrl).href;

before(async () => {
  vigil = await startConsoleServer('vigil-web-investigation-');
  baseUrl = vigil.baseUrl;
  await createOwner(vigil, OWNER, OWNER_PASSWORD);
  browser = await launchChromium();
  page = await openWatchedPage(browser, { expectedRefusals: EXPECTED_REFUSALS, problems });
});

after(() => stopConsoleSuite(browser, vigil));

test('the owner signs in; events are ingested, stored, and two alerts over them form an incident', async () => {
  await signInVia(page, baseUrl, '/incidents', OWNER, OWNER_PASSWORD);

  const result = await page.evaluate(async () => {
    const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
    const headers = { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken };
    const created = await fetch('/api/v1/workspaces/default/ingest-tokens', {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'investigation-test' }),
    });
    const { token } = (await created.json()) as { token: string };
    const now = Date.now();
    const t = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
    // ws01/alice: explorer → cmd → powershell, then a connection; alice on ws02; bob on ws02; carol elsewhere.
    const events = [
      {
        '@timestamp': t(9),
        message: 'm-cmd',
        host: { name: 'ws01' },
        user: { name: 'alice' },
        process: {
          executable: 'C:\\Windows\\System32\\cmd.exe',
          pid: 200,
          parent: { executable: 'C:\\Windows\\explorer.exe', pid: 100 },
        },
      },
      {
        '@timestamp': t(8),
        message: 'm-ps',
        host: { name: 'ws01' },
        user: { name: 'alice' },
        process: {
          executable: 'C:\\Windows\\System32\\powershell.exe',
          pid: 300,
          parent: { executable: 'C:\\Windows\\System32\\cmd.exe', pid: 200 },
        },
      },
      { '@timestamp': t(7), message: 'm-net', host: { name: 'ws01' }, destination: { ip: '203.0.113.9' } },
      { '@timestamp': t(6), message: 'm-ws02', host: { name: 'ws02' }, user: { name: 'alice' } },
      { '@timestamp': t(5), message: 'm-bob', host: { name: 'ws02' }, user: { name: 'bob' } },
      { '@timestamp': t(4), message: 'm-carol', host: { name: 'ws09' }, user: { name: 'carol' } },
    ];
    const ingest = await fetch('/api/v1/workspaces/default/ingest', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
      body: events.map((e) => JSON.stringify(e)).join('\n'),
    });
    if (ingest.status !== 200) return { error: `ingest ${ingest.status}` };
    // Stored asynchronously: poll the search until all six are durable.
    let stored: Record<string, unknown>[] = [];
    for (let i = 0; i < 100 && stored.length < events.length; i++) {
      const res = await fetch('/api/v1/workspaces/default/events/search', {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: '*', from: t(60), to: t(-1), limit: 50 }),
      });
      stored = ((await res.json()) as { events: Record<string, unknown>[] }).events;
      if (stored.length < events.length) await new Promise((r) => setTimeout(r, 100));
    }
    const byMessage = Object.fromEntries(stored.map((e) => [String(e['message']), e]));
    const alert = async (title: string, marker: string) => {
      const res = await fetch('/api/v1/workspaces/default/alerts', {
        method: 'POST',
        headers,
        body: JSON.stringify({ title, severity: 'high', events: [byMessage[marker]] }),
      });
      return (await res.json()) as { incidents: { incidentId?: string }[] };
    };
    await alert('Encoded PowerShell on ws01', 'm-ps');
    const second = await alert('Connection to a rare address', 'm-net');
    return {
      incidentId: second.incidents[0]?.incidentId ?? '',
      ids: Object.fromEntries(
        stored.map((e) => [String(e['message']), String((e['vigil'] as { id: string }).id)]),
      ),
    };
  });
  assert.ok('ids' in result, JSON.stringify(result));
  ids = result.ids ?? {};
  incidentId = result.incidentId ?? '';
  assert.equal(Object.keys(ids).length, 6);
  assert.ok(incidentId !== '', 'the two alerts on ws01 were grouped into an incident');
});

test('the incident page shows the event timeline and the entity graph', async () => {
  await page.goto(at(`/incidents/${encodeURIComponent(incidentId)}?workspace=default`));
  const timeline = page.getByRole('table', { name: 'Events around the alerts' });
  await timeline.locator('tbody tr').first().waitFor();
  // Oldest first: the alice/ws01 events and alice on ws02; bob (ws02 only) and carol share no entity.
  const rows = await timeline
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event-id')));
  assert.deepEqual(rows, [ids['m-cmd'], ids['m-ps'], ids['m-net'], ids['m-ws02']]);
  assert.match(
    (await timeline.locator(`tr[data-event-id="${ids['m-ps']}"]`).textContent()) ?? '',
    /powershell\.exe.*alert/,
  );

  const graph = page.locator('.entity-graph');
  // Drawn by Cytoscape (loaded on demand) on canvases inside the container.
  await page.locator('.entity-graph[data-drawn="true"] canvas').first().waitFor({ state: 'attached' });
  const count = Number(await graph.getAttribute('data-node-count'));
  await page.getByText(/as a list$/).click();
  const nodes = page.getByRole('list', { name: 'Graph nodes' });
  assert.equal(await nodes.locator('li').count(), count);
  for (const id of ['host:ws01', 'host:ws02', 'user:alice', 'ip:203.0.113.9']) {
    assert.equal(await nodes.locator(`li[data-node="${id}"]`).count(), 1, id);
  }
  assert.equal(await nodes.locator('li[data-node="user:bob"]').count(), 0);
  assert.equal(await nodes.locator('li[data-node^="alert:"]').count(), 2);
  const edges = page.getByRole('list', { name: 'Graph edges' });
  await edges.getByText('process cmd.exe (200) started process powershell.exe (300)').waitFor();

  // Expanding ws02 pulls in bob's event: one more node, drawn and listed.
  await nodes.getByRole('button', { name: 'Expand host ws02' }).click();
  await nodes.locator('li[data-node="user:bob"]').waitFor();
  assert.equal(Number(await graph.getAttribute('data-node-count')), count + 1);
});

test('an entity opened from the graph shows its alerts, incident, events and first/last seen', async () => {
  await page
    .getByRole('list', { name: 'Graph nodes' })
    .locator('li[data-node="host:ws01"]')
    .getByRole('link')
    .click();
  await page.waitForURL(/\/entities\/host\/ws01\?workspace=default$/);
  await page.getByRole('heading', { level: 1, name: 'Host' }).waitFor();
  const alerts = page.getByRole('table', { name: 'Related alerts' });
  await alerts.getByRole('link', { name: 'Encoded PowerShell on ws01' }).waitFor();
  await alerts.getByRole('link', { name: 'Connection to a rare address' }).waitFor();
  assert.equal(await page.getByRole('table', { name: 'Related incidents' }).locator('tbody tr').count(), 1);
  const recent = page.getByRole('table', { name: 'Recent events, newest first' });
  const rows = await recent
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event-id')));
  assert.deepEqual(rows, [ids['m-net'], ids['m-ps'], ids['m-cmd']]);
  assert.doesNotMatch((await page.locator('dl.facts').textContent()) ?? '', /Not in this window/);
});

test('the entity page shows a window around a moment from the address, and switches back to a look-back', async () => {
  const dayAgo = new Date(Date.now() - 86_400_000).toISOString();
  await page.goto(
    at(`/entities/host/ws01?workspace=default&at=${encodeURIComponent(dayAgo)}&before=15m&after=15m`),
  );
  await page.getByRole('heading', { level: 2, name: 'Events around the moment' }).waitFor();
  assert.equal(await page.getByLabel('Show').inputValue(), 'around');
  assert.equal(await page.getByLabel('±').inputValue(), '15m');
  assert.match((await page.locator('dl.facts').textContent()) ?? '', /Not in this window/);
  assert.equal(
    await page.getByRole('table', { name: 'Related alerts' }).count(),
    0,
    'no alert was active then',
  );

  await page.getByLabel('Show').selectOption('7');
  const recent = page.getByRole('table', { name: 'Recent events, newest first' });
  await recent.locator(`tbody tr[data-event-id="${ids['m-cmd']}"]`).waitFor();
  assert.equal(await recent.locator('tbody tr').count(), 3);
  assert.match(page.url(), /[?&]days=7(&|$)/);
  assert.doesNotMatch(page.url(), /[?&]at=/);
});

test('no console errors, unexpected failed requests or CSP violations were reported', async () => {
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(problems, []);
});
