// End-to-end check of the privacy console against the real server (`vigil serve`, fresh data dir): the
// public privacy statement with the configured controller, and the account page's personal-data section
// (view, correct, export without secrets, deletion refused for the last owner).
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureWebBuilt } from '../../../../scripts/ensure-web-built.ts';
import { startVigilServer, stopVigilServer } from '../testing/vigil-server.ts';

const chromiumPath = '/usr/bin/chromium';
const OWNER = 'privacy-owner';
const PASSWORD = 'Privacy-Owner-Pass-9';
/** Answers the steps provoke on purpose; any other 4xx/5xx is a failure. */
const EXPECTED_REFUSALS = new Set([
  'GET /api/v1/workspaces 401', // the signed-out session probe
  'POST /api/v1/me/delete 409', // the last owner cannot delete their account
]);

let server: ChildProcess | undefined;
let dataDir: string | undefined;
let browser: Browser | undefined;
let page: Page;
let setupLink: string;
let baseUrl: string;
const problems: string[] = [];
const at = (path: string) => new URL(path, baseUrl).href;

before(async () => {
  await ensureWebBuilt();
  assert.ok(existsSync(chromiumPath), `Chromium is needed at ${chromiumPath} (apt-get install chromium)`);
  dataDir = mkdtempSync(join(tmpdir(), 'vigil-web-privacy-'));
  ({ server, setupLink } = await startVigilServer(dataDir, {
    VIGIL_PRIVACY_CONTROLLER: 'Browser Test Controller',
    VIGIL_PRIVACY_CONTACT: 'dpo@example.org',
  }));
  baseUrl = new URL('/', setupLink).href;
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  const context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    const key = `${response.request().method()} ${new URL(response.url()).pathname} ${response.status()}`;
    if (response.status() >= 400 && !EXPECTED_REFUSALS.has(key)) problems.push(`unexpected answer: ${key}`);
  });
});

after(async () => {
  await browser?.close();
  if (server) await stopVigilServer(server);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

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
