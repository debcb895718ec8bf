// End-to-end check of the privacy console against the real server (`vigil serve`, fresh data dir): the
// public privacy statement with the configured controller, and the account page's personal-data section
// (view, correct, export without secrets, deletion refused for the last owner).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  type ConsoleServer,
  launchChromium,
  startConsoleServer,
  stopConsoleSuite,
} from '../testing/console-suite.ts';

const OWNER = 'privacy-owner';
const PASSWORD = 'Privacy-Owner-Pass-9';
/** Answers the steps provoke on purpose; any other 4xx/5xx is a failure. */
const EXPECTED_REFUSALS = new Set([
  'GET /api/v1/workspaces 401', // the signed-out session probe
  'POST /api/v1/me/delete 409', // the last owner cannot delete their account
]);

let vigil: ConsoleServer | undefined;
let browser: Browser | undefined;
let page: Page;
let setupLink: string;
let baseUrl: string;
const problems: string[] = [];
const at = (path: string) => new URL(path, baseUrl).href;

before(async () => {
  vigil = await startConsoleServer('vigil-web-privacy-', {
    VIGIL_PRIVACY_CONTROLLER: 'Browser Test Controller',
    VIGIL_PRIVACY_CONTACT: 'dpo@example.org',
  });
  ({ setupLink, baseUrl } = vigil);
  browser = await launchChromium();
  const context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    const key = `${response.request().method()} ${new URL(response.url()).pathname} ${response.status()}`;
    if (response.status() >= 400 && !EXPECTED_REFUSALS.has(key)) problems.push(`unexpected answer: ${key}`);
  });
});

after(() => stopConsoleSuite(browser, vigil));

test('the privacy statement is public, in the navigation, and shows the configured controller', async () => {
  await page.goto(at('/status'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Privacy' }).click();
  await page.getByRole('heading', { level: 1, name: 'Privacy' }).waitFor();
  assert.equal(await page.getByTestId('privacy-controller').textContent(), 'Browser Test Controller');
  await page.getByText('dpo@example.org').waitFor();
  await page.getByRole('rowheader', { name: /Network and device/ }).waitFor();
});

test('the account page shows personal data, corrects it, exports it without secrets, and guards deletion', async () => {
  await page.goto(setupLink);
  await page.getByLabel('Username').fill(OWNER);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create owner account' }).click();
  await page.waitForURL(at('/login?setup=done'));
  await page.goto(at('/login?next=%2Faccount'));
  await page.getByLabel('Username').fill(OWNER);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(at('/account'));
  const section = page.getByRole('region', { name: 'Personal data' });
  await section.getByTestId('personal-data-facts').waitFor();
  assert.match((await section.getByTestId('personal-data-facts').textContent()) ?? '', /owner in default/);

  await section.getByLabel('Email').fill('owner@example.org');
  await section.getByRole('button', { name: 'Save details' }).click();
  await section.getByText('Your details were saved.').waitFor();
  await section.getByText('owner@example.org').first().waitFor();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: 'Export my data (JSON)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^vigil-personal-data-\d{4}-\d\d-\d\d\.json$/);
  const file = await download.path();
  const text = readFileSync(file, 'utf8');
  const exported = JSON.parse(text) as { account: { email: string }; audit: { records: unknown[] } };
  assert.equal(exported.account.email, 'owner@example.org');
  assert.ok(exported.audit.records.length > 0);
  assert.ok(!text.includes(PASSWORD) && !text.includes('$argon2id$'), 'no password or hash in the export');

  await section.getByLabel('Password for deletion').fill(PASSWORD);
  await section.getByLabel('Type DELETE to confirm').fill('DELETE');
  await section.getByRole('button', { name: 'Delete my account' }).click();
  const alert = section.getByRole('alert');
  await alert.waitFor();
  assert.match((await alert.textContent()) ?? '', /only owner/);
  await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
  assert.deepEqual(problems, []);
});
