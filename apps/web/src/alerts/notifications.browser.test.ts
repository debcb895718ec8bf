// End-to-end check of the notification centre (bell in the top bar, on every page), incident attachments
// and suppression-rule editing against the real server (`vigil serve`, fresh data dir), with
// playwright-core and Debian's Chromium. The steps run in order.
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
const OWNER_PASSWORD = 'Notify-Owner-Pass-7';
const LOW = 'Port scan from printer';
const HIGH = 'Credential dumping on srv02';
const CRITICAL = 'Ransomware note on fs01';

let vigil: ConsoleServer | undefined;
let browser: Browser | undefined;
let page: Page;
let baseUrl: string;
const problems: string[] = [];
const at = (path: string) => new URL(path, baseUrl).href;

before(async () => {
  vigil = await startConsoleServer('vigil-web-notify-');
  baseUrl = vigil.baseUrl;
  await createOwner(vigil, OWNER, OWNER_PASSWORD);
  browser = await launchChromium();
  page = await openWatchedPage(browser, {
    expectedRefusals: new Set(['GET /api/v1/workspaces 401']),
    problems,
  });
});

after(() => stopConsoleSuite(browser, vigil));

/** Calls the API from the signed-in page (session cookie + CSRF token). */
const api = (method: string, path: string, body?: unknown) => pageApi(page, method, path, body);

const bell = () => page.locator('.notification-bell');
const count = () => page.getByTestId('notification-count');

test('the bell is in the top bar away from the alert queue, with nothing unread', async () => {
  await signInVia(page, baseUrl, '/incidents', OWNER, OWNER_PASSWORD);
  await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
  await bell().waitFor();
  assert.match((await bell().textContent()) ?? '', /none unread/);
  assert.equal(await count().count(), 0);
});

test('alerts at or above the chosen severity arrive live and count as unread; lower ones do not', async () => {
  for (const [title, severity] of [
    [LOW, 'low'],
    [HIGH, 'high'],
    [CRITICAL, 'critical'],
  ]) {
    const r = await api('POST', '/api/v1/workspaces/default/alerts', {
      title,
      severity,
      ruleId: `r-${severity}`,
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
  await page.waitForFunction(
    () => document.querySelector('[data-testid="notification-count"]')?.textContent === '2',
  );
  await bell().click();
  const list = page.getByRole('list', { name: 'Recent alerts' });
  await list.getByRole('link', { name: HIGH }).waitFor();
  await list.getByRole('link', { name: CRITICAL }).waitFor();
  assert.equal(await list.getByRole('link', { name: LOW }).count(), 0);
  // Default preference: medium and above.
  assert.equal(
    await page.getByRole('region', { name: 'Notifications' }).getByLabel('Notify from severity').inputValue(),
    'medium',
  );
});

test('mark read, choose a severity; both survive a reload; following a link opens the alert and reads it', async () => {
  await page.getByRole('button', { name: `Mark read: ${HIGH}` }).click();
  assert.equal(await count().textContent(), '1');
  const panel = page.getByRole('region', { name: 'Notifications' });
  await panel.getByLabel('Notify from severity').selectOption('critical');
  const list = page.getByRole('list', { name: 'Recent alerts' });
  await list.getByRole('link', { name: HIGH }).waitFor({ state: 'detached' });
  assert.equal(await count().textContent(), '1');

  await page.reload();
  await bell().waitFor();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="notification-count"]')?.textContent === '1',
  );
  await bell().click();
  assert.equal(await panel.getByLabel('Notify from severity').inputValue(), 'critical');
  await list.getByRole('link', { name: CRITICAL }).click();
  await page.waitForURL(/\/alerts\/[^/?]+\?workspace=default$/);
  await page.getByRole('heading', { level: 2, name: CRITICAL }).waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="notification-count"]') === null);
  await bell().click();
  await page.getByRole('button', { name: 'Mark all read' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Mark all read' }).isDisabled(), true);
  await page.keyboard.press('Escape');
});

test('incident attachments: upload, list, download as a file; refused types explain why', async () => {
  const created = await api('POST', '/api/v1/workspaces/default/incidents', {
    title: 'Ransomware on fs01',
    severity: 'critical',
  });
  assert.equal(created.status, 201);
  const incidentId = (created.body as { id: string }).id;
  await page.goto(at(`/incidents/${incidentId}?workspace=default`));
  await page.getByRole('heading', { level: 2, name: 'Ransomware on fs01' }).waitFor();
  await page.getByText('No attachments yet.').waitFor();
  await page.getByLabel('File to attach').setInputFiles({
    name: 'ransom-note.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('All your files are belong to us\n'),
  });
  await page.getByRole('button', { name: 'Attach file' }).click();
  const table = page.getByRole('table', { name: 'Attachments' });
  const link = table.getByRole('link', { name: 'ransom-note.txt' });
  await link.waitFor();
  assert.match((await table.textContent()) ?? '', /text\/plain.*32 B.*by [0-9a-f-]{36}/);
  await page.getByRole('table', { name: 'Incident timeline' }).getByText('ransom-note.txt').waitFor();

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), 'ransom-note.txt');
  const headers = await page.evaluate(
    async (href) => {
      const r = await fetch(href);
      return {
        disposition: r.headers.get('content-disposition'),
        nosniff: r.headers.get('x-content-type-options'),
        body: await r.text(),
      };
    },
    (await link.getAttribute('href')) ?? '',
  );
  assert.match(headers.disposition ?? '', /^attachment;/);
  assert.equal(headers.nosniff, 'nosniff');
  assert.equal(headers.body, 'All your files are belong to us\n');

  await page.getByLabel('File to attach').setInputFiles({
    name: 'phish.html',
    mimeType: 'text/html',
    buffer: Buffer.from('<html><script>alert(1)</script></html>'),
  });
  await page.getByRole('button', { name: 'Attach file' }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: /\.html files are executable or active content/ })
    .waitFor();
  assert.equal(await table.locator('tbody tr').count(), 1);

  await table.getByRole('button', { name: 'Remove ransom-note.txt' }).click();
  await page.getByText('No attachments yet.').waitFor();
});

test('a suppression rule is edited from the alert queue: disabled with a new reason', async () => {
  const created = await api('POST', '/api/v1/workspaces/default/alert-suppressions', {
    match: { 'host.name': 'printer01' },
    durationMs: 3_600_000,
    reason: 'known scanner',
  });
  assert.equal(created.status, 201);
  const id = (created.body as { id: string }).id;
  await page.goto(at('/alerts?workspace=default'));
  const rules = page.getByRole('table', { name: 'Suppression rules' });
  const row = rules.locator(`tr[data-suppression="${id}"]`);
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /Every rule.*host\.name = printer01.*known scanner.*Active/);
  await row.getByRole('button', { name: `Edit rule ${id}` }).click();
  const form = page.getByRole('form', { name: `Edit suppression rule ${id}` });
  await form.getByLabel(/Field matches/).fill('host.name = printer01, printer02');
  await form.getByLabel('Reason').fill('scanner retired');
  await form.getByLabel('Enabled').uncheck();
  await form.getByRole('button', { name: 'Save rule' }).click();
  await form.waitFor({ state: 'detached' });
  await row.getByText('Disabled').waitFor();
  assert.match((await row.textContent()) ?? '', /printer01, printer02.*scanner retired.*Disabled/);
});

test('no console errors, unexpected failed requests or CSP violations were reported', async () => {
  assert.deepEqual(await cspViolations(page), []);
  // The refused .html upload is the one expected 415: its answer and Chromium's log line of it.
  const refusal =
    /^unexpected answer: POST \/api\/v1\/workspaces\/default\/incidents\/[^/ ]+\/attachments 415$/;
  const refusalLog = /^console error: Failed to load resource: .*status of 415/;
  assert.equal(problems.filter((p) => refusal.test(p)).length, 1, problems.join('\n'));
  assert.deepEqual(
    problems.filter((p) => !refusal.test(p) && !refusalLog.test(p)),
    [],
  );
});
