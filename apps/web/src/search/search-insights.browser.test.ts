// End-to-end check of the search page's histogram and field sidebar, and of the data sources page,
// against the real server (`vigil serve`, fresh data dir) with playwright-core and Debian's Chromium,
// under the console's strict CSP: events sent with an ingest token show as ECharts bars (drawn on a
// canvas, no CSP violation), a top value in the sidebar narrows the search, and the sources page lists
// the sender's counters. The steps run in order.
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
const OWNER_PASSWORD = 'Search-Owner-Pass-7';
const EXPECTED_REFUSALS = new Set(['GET /api/v1/workspaces 401']);

let vigil: ConsoleServer | undefined;
let browser: Browser | undefined;
let page: Page;
let baseUrl: string;
const problems: string[] = [];
const at = (path: string) => new URL(path, baseUrl).href;

before(async () => {
  vigil = await startConsoleServer('vigil-web-search-');
  baseUrl = vigil.baseUrl;
  await createOwner(vigil, OWNER, OWNER_PASSWORD);
  browser = await launchChromium();
  page = await openWatchedPage(browser, { expectedRefusals: EXPECTED_REFUSALS, problems });
});

after(() => stopConsoleSuite(browser, vigil));

test('the owner signs in, creates an ingest token and sends six events', async () => {
  await signInVia(page, baseUrl, '/search', OWNER, OWNER_PASSWORD);
  await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
  const sent = await page.evaluate(async () => {
    const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
    const created = await fetch('/api/v1/workspaces/default/ingest-tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ name: 'web-shipper' }),
    });
    const { token } = (await created.json()) as { token: string };
    const now = Date.now();
    const event = (i: number, host: string, outcome: string) =>
      JSON.stringify({
        '@timestamp': new Date(now - (i + 1) * 600_000).toISOString(),
        message: `login ${outcome} on ${host}`,
        host: { name: host },
        event: { category: ['authentication'], outcome },
      });
    const body = [
      event(0, 'web1', 'failure'),
      event(1, 'web1', 'failure'),
      event(2, 'web1', 'success'),
      event(3, 'web1', 'failure'),
      event(4, 'db1', 'failure'),
      event(5, 'db1', 'success'),
    ].join('\n');
    const response = await fetch('/api/v1/workspaces/default/ingest', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
      body,
    });
    return { status: response.status, body: (await response.json()) as { accepted: number } };
  });
  assert.equal(sent.status, 200);
  assert.equal(sent.body.accepted, 6);
});

test('a search shows the ECharts histogram of the range and the top values of the events', async () => {
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByText('6 events on page 1.').waitFor();
  await page.getByTestId('search-histogram').locator('canvas').first().waitFor();
  await page.getByText('6 matching events over the time range, in 30m buckets.').waitFor();
  const sidebar = page.getByRole('complementary', { name: 'Top values' });
  await sidebar.getByRole('button', { name: 'Filter on host.name = web1 (4 events)' }).waitFor();
  await sidebar.getByRole('button', { name: 'Filter on host.name = db1 (2 events)' }).click();
  await page.getByText('2 events on page 1.').waitFor();
  assert.equal(
    await page.getByRole('textbox', { name: 'Query', exact: true }).inputValue(),
    'host.name:"db1"',
  );
  await page.getByText('2 matching events over the time range, in 30m buckets.').waitFor();
  await sidebar.getByRole('button', { name: 'Filter on event.outcome = failure (1 events)' }).click();
  await page.getByText('1 event on page 1.').waitFor();
  assert.equal(
    await page.getByRole('textbox', { name: 'Query', exact: true }).inputValue(),
    '(host.name:"db1") AND event.outcome:"failure"',
  );
  assert.deepEqual(await cspViolations(page), []);
});

test('the data sources page lists the sender with its counters', async () => {
  await page.getByRole('link', { name: 'Data sources' }).click();
  await page.waitForURL(at('/data-sources'));
  await page.getByRole('heading', { level: 1, name: 'Data sources' }).waitFor();
  const row = page.getByTestId('source-row').filter({ hasText: 'http:web-shipper' });
  await row.waitFor();
  const cells = await row.locator('td').allTextContents();
  // Data space, received, parsed, parse errors, dropped, refused.
  assert.deepEqual(cells.slice(0, 6), ['default', '6', '6', '0', '0', '0']);
});

test('no console errors, unexpected failed requests or CSP violations were reported', async () => {
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(problems, []);
});
