// End-to-end check of the overview against the real server (`vigil serve`, fresh data dir) with
// playwright-core and Debian's Chromium, under the console's strict CSP: the owner's alerts show in the
// score, the open counts and the ECharts trend (drawn on a canvas, no CSP violation); the owner shares
// the default workspace's overview with a second workspace, whose overview then offers the aggregated
// view listing the default workspace; the grant is revoked from settings. The steps run in order.
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
import { pageApi } from '../testing/page-api.ts';
import { cspViolations, openWatchedPage } from '../testing/watched-page.ts';

const OWNER = 'owner';
const OWNER_PASSWORD = 'Overview-Owner-Pass-7';
/** Answers the steps provoke on purpose; any other 4xx/5xx is a failure. */
const EXPECTED_REFUSALS = new Set(['GET /api/v1/workspaces 401']);

let vigil: ConsoleServer | undefined;
let browser: Browser | undefined;
let page: Page;
let baseUrl: string;
const problems: string[] = [];
const at = (path: string) => new URL(path, baseUrl).href;

before(async () => {
  vigil = await startConsoleServer('vigil-web-overview-');
  baseUrl = vigil.baseUrl;
  await createOwner(vigil, OWNER, OWNER_PASSWORD);
  browser = await launchChromium();
  page = await openWatchedPage(browser, { expectedRefusals: EXPECTED_REFUSALS, problems });
});

after(() => stopConsoleSuite(browser, vigil));

/** Calls the API from the page (session cookie and CSRF token of the signed-in owner). */
const api = (method: string, path: string, body?: unknown) => pageApi(page, method, path, body);

test('the owner signs in and reaches the overview with its score explained', async () => {
  await signInVia(page, baseUrl, '/overview', OWNER, OWNER_PASSWORD);
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  await page.getByRole('heading', { name: 'Security score' }).waitFor();
  const inputs = page.locator('table.score-inputs tbody tr');
  assert.equal(await inputs.count(), 6);
  await page.getByRole('rowheader', { name: 'Ingest health' }).waitFor();
  await page.getByText('No events were received since the server started').waitFor();
});

test('alerts raised now show in the open counts, the score inputs and the trend chart', async () => {
  const event = (id: string, host: string) => ({
    '@timestamp': new Date().toISOString(),
    host: { name: host },
    vigil: { id },
  });
  for (const [title, severity, host] of [
    ['Encoded PowerShell on ws01', 'critical', 'ws01'],
    ['Mimikatz on ws01', 'high', 'ws01'],
    ['Port scan from ws02', 'low', 'ws02'],
  ] as const) {
    const created = await api('POST', '/api/v1/workspaces/default/alerts', {
      title,
      severity,
      events: [event(`e-${host}-${severity}`, host)],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  }
  await page.reload();
  await page.getByTestId('open-alerts').getByText('3', { exact: false }).waitFor();
  assert.match(
    (await page.getByTestId('open-alerts').textContent()) ?? '',
    /^3 \(1 critical, 1 high, 1 low\)/,
  );
  const alertsRow = page.locator('tr[data-input="open_critical_high_alerts"]');
  assert.match((await alertsRow.textContent()) ?? '', /1 critical and 1 high/);
  const score = Number(await page.getByTestId('security-score').textContent());
  assert.ok(score >= 0 && score <= 100, `score ${score}`);

  // ECharts drew the trend on a canvas of real size.
  const canvas = page.getByTestId('trend-chart').locator('canvas');
  await canvas.first().waitFor();
  const box = await canvas.first().boundingBox();
  assert.ok(box !== null && box.width > 200 && box.height > 100, `canvas ${JSON.stringify(box)}`);
  // Hovering shows the tooltip; it is drawn on the canvas, so the CSP has nothing to block.
  await canvas.first().hover({ position: { x: box.width - 60, y: box.height / 2 } });
  assert.deepEqual(await cspViolations(page), []);
  // The table behind the chart holds today's figures.
  await page.getByText('Show the figures as a table').click();
  const today = new Date().toISOString().slice(0, 10);
  const row = page.getByRole('row', { name: new RegExp(`^${today}`) });
  assert.deepEqual((await row.locator('td').allTextContents()).slice(0, 6), ['1', '1', '0', '1', '0', '3']);
  const entities = page.getByRole('region', { name: 'Top entities' });
  const ws01 = entities.getByRole('row', { name: /^host ws01/ });
  assert.equal(await ws01.locator('td').first().textContent(), '2', 'two alerts name host ws01');
  const rules = page.getByRole('region', { name: 'Top rules' });
  assert.equal(await rules.getByRole('rowheader').count(), 3);
});

test('a granted workspace’s overview offers the aggregated view, and a revoke takes it away', async () => {
  const created = await api('POST', '/api/v1/workspaces', { id: 'soc', name: 'SOC' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  // Share the default workspace's overview from its settings.
  await page.goto(at('/settings/cross-workspace?workspace=default'));
  await page.getByRole('heading', { level: 1, name: 'Cross-workspace view' }).waitFor();
  await page.getByText('This workspace shares its overview with no other workspace.').waitFor();
  await page.getByLabel('Central workspace id').fill('soc');
  await page.getByRole('button', { name: 'Grant aggregated view' }).click();
  await page.getByRole('rowheader', { name: 'soc' }).waitFor();

  await page.goto(at('/overview?workspace=soc'));
  await page.getByRole('button', { name: 'Granted workspaces (1, aggregated)' }).click();
  const included = page.getByRole('region', { name: 'Workspaces included' });
  await included.getByRole('rowheader', { name: 'default' }).waitFor();
  assert.match((await page.getByTestId('open-alerts').textContent()) ?? '', /^3 /);
  // Aggregated data only: no entity values, no hand-made alerts' titles.
  await page
    .getByRole('region', { name: 'Top entities' })
    .getByText('Not shared across workspaces')
    .waitFor();
  await page.getByText('hand-made alerts are not shared').waitFor();
  assert.equal(await page.getByText('ws01').count(), 0);
  assert.equal(await page.getByText('Encoded PowerShell on ws01').count(), 0);
  await page.getByTestId('trend-chart').locator('canvas').first().waitFor();

  await page.goto(at('/settings/cross-workspace?workspace=default'));
  await page.getByRole('button', { name: 'Revoke the grant to soc' }).click();
  await page.getByText('This workspace shares its overview with no other workspace.').waitFor();
  await page.goto(at('/overview?workspace=soc'));
  await page.getByRole('heading', { name: 'Security score' }).waitFor();
  assert.equal(await page.getByRole('button', { name: /Granted workspaces/ }).count(), 0);
});

test('signing in without a page to return to lands on the overview', async () => {
  assert.ok(browser);
  const fresh = await openWatchedPage(browser, { expectedRefusals: EXPECTED_REFUSALS, problems });
  await fresh.goto(at('/login'));
  await fresh.getByLabel('Username').fill(OWNER);
  await fresh.getByLabel('Password').fill(OWNER_PASSWORD);
  await fresh.getByRole('button', { name: 'Sign in' }).click();
  await fresh.waitForURL(at('/overview'));
  await fresh.getByRole('heading', { name: 'Security score' }).waitFor();
  await fresh.context().close();
});

test('no console errors, unexpected failed requests or CSP violations were reported', async () => {
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(problems, []);
});
