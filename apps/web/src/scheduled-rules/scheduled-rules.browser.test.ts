// End-to-end check of scheduled query rules against the real server (`vigil serve`, fresh data dir) with
// playwright-core and Debian's Chromium: failed logons are ingested; the owner opens Detection →
// Scheduled rules, is told where the query is wrong, fixes it, creates the rule, simulates it over the
// last day and sees the would-be alert for the one address over the threshold. The steps run in order.
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
const OWNER_PASSWORD = 'Scheduled-Owner-Pass-7';
/** Answers the steps provoke on purpose; any other 4xx/5xx is a failure. */
const EXPECTED_REFUSALS = new Set([
  'GET /api/v1/workspaces 401',
  'POST /api/v1/workspaces/default/scheduled-rules 400',
]);

let vigil: ConsoleServer | undefined;
let browser: Browser | undefined;
let page: Page;
let baseUrl: string;
const problems: string[] = [];
const at = (path: string) => new URL(path, baseUrl).href;

before(async () => {
  vigil = await startConsoleServer('vigil-web-scheduled-');
  baseUrl = vigil.baseUrl;
  await createOwner(vigil, OWNER, OWNER_PASSWORD);
  browser = await launchChromium();
  page = await openWatchedPage(browser, { expectedRefusals: EXPECTED_REFUSALS, problems });
});

after(() => stopConsoleSuite(browser, vigil));

test('the owner signs in and failed logons are ingested', async () => {
  await signInVia(page, baseUrl, '/detection', OWNER, OWNER_PASSWORD);
  const token = await page.evaluate(async () => {
    const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
    const created = await fetch('/api/v1/workspaces/default/ingest-tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ name: 'scheduled-browser-test' }),
    });
    return ((await created.json()) as { token: string }).token;
  });
  // Two hours ago: 5 failures from 10.0.0.1 and 2 from 10.0.0.2 within one minute.
  const base = Math.floor((Date.now() - 2 * 3_600_000) / 300_000) * 300_000 + 60_000;
  const lines = ['10.0.0.1', '10.0.0.1', '10.0.0.1', '10.0.0.1', '10.0.0.1', '10.0.0.2', '10.0.0.2'].map(
    (ip, i) =>
      JSON.stringify({
        '@timestamp': new Date(base + i * 1000).toISOString(),
        message: `sshd: failed password for root from ${ip}`,
        source: { ip },
        user: { name: 'root' },
        event: { category: 'authentication', outcome: 'failure' },
      }),
  );
  const ingest = await fetch(at('/api/v1/workspaces/default/ingest'), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
    body: lines.join('\n'),
  });
  assert.equal(ingest.status, 200, await ingest.clone().text());
});

test('a query that does not parse is refused with its position shown; the fixed rule is created', async () => {
  await page
    .getByRole('navigation', { name: 'Detection sections' })
    .getByRole('link', { name: 'Scheduled rules' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Scheduled rules' }).waitFor();
  await page.getByText('No scheduled rules yet').waitFor();
  await page.getByRole('link', { name: 'New scheduled rule' }).click();
  await page.getByRole('heading', { level: 1, name: 'New scheduled rule' }).waitFor();

  const form = page.getByRole('form', { name: 'Scheduled rule' });
  await form.getByLabel('Name').fill('SSH brute force');
  await form.getByLabel('Query', { exact: true }).fill('event.outcome:failure AND (user.name:root');
  await form.getByLabel('Threshold').fill('5');
  await form.getByLabel('Per group of (fields, comma-separated)').fill('source.ip');
  await form.getByLabel('One alert').selectOption('per-group');
  await form.getByRole('button', { name: 'Create rule' }).click();
  const problem = form.getByText(/The query has a problem/);
  await problem.waitFor();
  assert.match((await form.locator('.problem-list').textContent()) ?? '', /At offset \d+/);
  assert.equal(await form.getByLabel('Query', { exact: true }).getAttribute('aria-invalid'), 'true');

  await form.getByLabel('Query', { exact: true }).fill('event.outcome:failure AND user.name:root');
  await form.getByRole('button', { name: 'Create rule' }).click();
  await page.getByRole('heading', { level: 1, name: 'SSH brute force' }).waitFor();
  assert.match(page.url(), /\/detection\/scheduled\/[0-9a-f-]{36}\?workspace=default$/);
  await page.getByRole('heading', { level: 2, name: 'Run history' }).waitFor();
});

test('simulating over the last day shows the would-be alert for the address over the threshold', async () => {
  await page.getByRole('button', { name: 'Run simulation' }).click();
  const result = page.getByRole('region', { name: 'Simulation result' });
  await result.getByText(/1 would-be alert over \d+ intervals, 7 matching events/).waitFor();
  const rows = result.locator('tr.would-be-alert');
  assert.equal(await rows.count(), 1);
  assert.match((await rows.first().textContent()) ?? '', /source\.ip=10\.0\.0\.1.*5.*5.*medium/);

  // The list shows the rule with its schedule and no gaps.
  await page.getByRole('link', { name: '← Scheduled rules' }).click();
  const row = page.locator('tr', { has: page.getByRole('link', { name: 'SSH brute force' }) });
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /5 min.*count\(\) ≥ 5 by source\.ip.*no gaps/);
  assert.deepEqual(problems, []);
  assert.deepEqual(await cspViolations(page), []);
});
