// End-to-end check of the alert console's import dialog and suppression-rule creation ("Suppress
// similar" on the alert page, "New suppression rule" in the rules card) against the real server
// (`vigil serve`, fresh data dir), with playwright-core and Debian's Chromium. The steps run in order.
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
const OWNER_PASSWORD = 'Import-Owner-Pass-7';
const PHISH = 'Imported phishing click on ws01';
const SCAN = 'Imported port scan';
/** The bad CSV import is refused on purpose. */
const REFUSAL = 'POST /api/v1/workspaces/default/alerts/import 400';

let vigil: ConsoleServer | undefined;
let browser: Browser | undefined;
let page: Page;
let baseUrl: string;
const problems: string[] = [];

before(async () => {
  vigil = await startConsoleServer('vigil-web-alert-console-');
  baseUrl = vigil.baseUrl;
  await createOwner(vigil, OWNER, OWNER_PASSWORD);
  browser = await launchChromium();
  page = await openWatchedPage(browser, {
    expectedRefusals: new Set(['GET /api/v1/workspaces 401', REFUSAL]),
    problems,
  });
});

after(() => stopConsoleSuite(browser, vigil));

/** Reads the API from the signed-in page. */
function apiGet(path: string): Promise<unknown> {
  return page.evaluate(async (p) => (await (await fetch(p)).json()) as unknown, path);
}

const importForm = () => page.getByRole('form', { name: 'Import alerts' });
const fileInput = () => importForm().getByLabel('Alert file (JSON or CSV)');

test('the owner signs in and reaches the empty alert queue', async () => {
  await signInVia(page, baseUrl, '/alerts', OWNER, OWNER_PASSWORD);
  await page.getByText('No alerts match these filters.').waitFor();
});

test('a CSV import with bad rows is previewed, refused whole and every problem is shown by row and field', async () => {
  await page.getByRole('button', { name: 'Import alerts' }).click();
  await fileInput().setInputFiles({
    name: 'alerts.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('title,severity\n"Good, one",high\n,extreme\n'),
  });
  await importForm().getByText('2 alerts in this CSV file.').waitFor();
  await importForm().getByRole('button', { name: 'Import 2 alerts' }).click();
  const table = importForm().getByRole('table', { name: 'Import problems' });
  await table.waitFor();
  const rows = await table.locator('tbody tr').allTextContents();
  assert.equal(rows.length, 2, rows.join(' | '));
  assert.match(rows[0] ?? '', /^2title/);
  assert.match(rows[1] ?? '', /^2severity/);
  const list = (await apiGet('/api/v1/workspaces/default/alerts')) as { alerts: unknown[] };
  assert.equal(list.alerts.length, 0, 'nothing was written');
});

test('a JSON import creates the alerts, lists them with links and refreshes the queue', async () => {
  const event = (id: string) => ({
    '@timestamp': new Date().toISOString(),
    event: { category: ['process'] },
    host: { name: 'ws01' },
    user: { name: 'alice' },
    process: { name: 'outlook.exe', pid: 77 },
    vigil: { id },
  });
  await fileInput().setInputFiles({
    name: 'alerts.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify([
        { title: PHISH, severity: 'high', ruleId: 'r-phish', events: [event('imp-1')] },
        { title: SCAN, severity: 'low' },
      ]),
    ),
  });
  await importForm().getByText('2 alerts in this JSON file.').waitFor();
  await importForm().getByRole('button', { name: 'Import 2 alerts' }).click();
  await importForm().getByText('Imported: 2 new alerts.').waitFor();
  const imported = importForm().getByRole('list', { name: 'Imported alerts' });
  assert.deepEqual((await imported.getByRole('listitem').allTextContents()).sort(), [PHISH, SCAN].sort());
  await importForm().getByRole('button', { name: 'Close' }).click();
  const queue = page.getByRole('region', { name: 'Alert queue' });
  await queue.getByRole('link', { name: PHISH }).waitFor();
  await queue.getByRole('link', { name: SCAN }).waitFor();
});

test('"Suppress similar" on the alert page creates a rule from the alert\'s rule and chosen entity fields', async () => {
  await page.getByRole('region', { name: 'Alert queue' }).getByRole('link', { name: PHISH }).click();
  await page.getByRole('heading', { level: 2, name: PHISH }).waitFor();
  await page.getByRole('button', { name: 'Suppress similar' }).click();
  const form = page.getByRole('form', { name: 'Suppress similar alerts' });
  await form.waitFor();
  assert.equal(await form.getByLabel('Rule id (empty: every rule)').inputValue(), 'r-phish');
  const host = form.getByLabel('host.name = ws01');
  const user = form.getByLabel('user.name = alice');
  assert.equal(await host.isChecked(), true);
  assert.equal(await user.isChecked(), true);
  await user.uncheck();
  await form.getByLabel('Duration').selectOption({ label: '7 days' });
  await form.getByRole('button', { name: 'Create rule' }).click();
  await form.getByText('a reason is needed').waitFor();
  await form.getByLabel('Reason').fill('phishing simulation on ws01');
  await form.getByRole('button', { name: 'Create rule' }).click();
  await page.getByText('Suppression rule created').waitFor();
  const { suppressions } = (await apiGet('/api/v1/workspaces/default/alert-suppressions')) as {
    suppressions: { ruleId?: string; match: unknown; reason: string; startsAt: number; expiresAt: number }[];
  };
  assert.equal(suppressions.length, 1);
  const [rule] = suppressions;
  assert.equal(rule?.ruleId, 'r-phish');
  assert.deepEqual(rule?.match, { 'host.name': ['ws01'] });
  assert.equal(rule?.reason, 'phishing simulation on ws01');
  assert.equal((rule?.expiresAt ?? 0) - (rule?.startsAt ?? 0), 7 * 86_400_000);
});

test('the suppression rules card creates a rule for every rule from typed field matches', async () => {
  await page.getByRole('link', { name: '← Back to the alert queue' }).click();
  await page.getByRole('button', { name: 'New suppression rule' }).click();
  const form = page.getByRole('form', { name: 'New suppression rule' });
  await form.getByLabel(/^Field matches/).fill('source.ip = 10.0.0.*, 10.0.1.*');
  await form.getByLabel('Reason').fill('vulnerability scanner');
  await form.getByRole('button', { name: 'Create rule' }).click();
  await form.waitFor({ state: 'detached' });
  const row = page.getByRole('row').filter({ hasText: 'vulnerability scanner' });
  await row.waitFor();
  assert.match(
    (await row.textContent()) ?? '',
    /Every rule.*source\.ip = 10\.0\.0\.\*, 10\.0\.1\.\*.*Active/,
  );
});

test('no console errors, unexpected failed requests or CSP violations were reported', async () => {
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(problems, []);
});
