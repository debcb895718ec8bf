// End-to-end check of the ATT&CK coverage page against the real server (`vigil serve`, fresh data dir),
// with playwright-core and Debian's Chromium: the page first offers the bundle upload; after it, the
// matrix shows a technique covered by an enabled rule whose data was seen (an ingested Sysmon event),
// the details of a cell, the filters, and the Navigator layer download. The steps run in order.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  BRUTE_ID,
  coverageRules,
  encodedPowerShell,
  miniBundleBytes,
} from '../../../server/src/coverage/coverage-fixture.ts';
import {
  type ConsoleServer,
  createOwner,
  launchChromium,
  startConsoleServer,
  stopConsoleSuite,
} from '../testing/console-suite.ts';
import { cspViolations, openWatchedPage } from '../testing/watched-page.ts';

const OWNER = 'owner';
const OWNER_PASSWORD = 'Coverage-Owner-Pass-7';
/** Answers the steps provoke on purpose; any other 4xx/5xx is a failure. */
const EXPECTED_REFUSALS = new Set([
  'GET /api/v1/workspaces 401',
  'GET /api/v1/workspaces/default/attack/coverage 409',
]);

let vigil: ConsoleServer | undefined;
let browser: Browser | undefined;
let page: Page;
let baseUrl: string;
const problems: string[] = [];
const at = (path: string) => new URL(path, baseUrl).href;

/** A signed-in API session from Node, to set the scene (rules, an ingest token, one event). */
async function apiSession() {
  const res = await fetch(at('/api/v1/auth/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: OWNER, password: OWNER_PASSWORD }),
  });
  assert.ok(res.ok, `login answered ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method: string, path: string, body: unknown) => {
    const answer = await fetch(at(path), {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.ok(answer.ok, `${method} ${path} answered ${answer.status}: ${await answer.clone().text()}`);
    return (await answer.json()) as Record<string, unknown>;
  };
}

before(async () => {
  vigil = await startConsoleServer('vigil-web-coverage-');
  baseUrl = vigil.baseUrl;
  await createOwner(vigil, OWNER, OWNER_PASSWORD);

  const api = await apiSession();
  await api('POST', '/api/v1/workspaces/default/rules/import?enabled=true', { files: coverageRules });
  await api('PATCH', `/api/v1/workspaces/default/rules/${BRUTE_ID}`, { enabled: false });
  const ingest = await api('POST', '/api/v1/workspaces/default/ingest-tokens', { name: 'coverage-test' });
  const sent = await fetch(at('/api/v1/workspaces/default/ingest'), {
    method: 'POST',
    headers: { authorization: `Bearer ${String(ingest['token'])}`, 'content-type': 'application/x-ndjson' },
    body: `${JSON.stringify(encodedPowerShell)}\n`,
  });
  assert.ok(sent.ok, `ingest answered ${sent.status}: ${await sent.text()}`);

  browser = await launchChromium();
  page = await openWatchedPage(browser, { expectedRefusals: EXPECTED_REFUSALS, problems });
});

after(() => stopConsoleSuite(browser, vigil));

test('the Detection area links to the coverage page, which first offers the bundle upload', async () => {
  await page.goto(at('/detection'));
  await page.waitForURL(at('/login?next=%2Fdetection'));
  await page.getByLabel('Username').fill(OWNER);
  await page.getByLabel('Password').fill(OWNER_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Detection rules' }).waitFor();
  await page
    .getByRole('navigation', { name: 'Detection sections' })
    .getByRole('link', { name: 'ATT&CK coverage' })
    .click();
  await page.waitForURL(at('/detection/coverage?workspace=default'));
  await page.getByRole('heading', { level: 1, name: 'ATT&CK coverage' }).waitFor();
  await page.getByRole('heading', { name: 'No ATT&CK matrix yet' }).waitFor();
  await page
    .getByText(/vigil attack import/)
    .first()
    .waitFor();

  const form = page.getByRole('form', { name: 'Import the ATT&CK bundle' });
  await form.getByRole('button', { name: 'Import bundle' }).click();
  await page.getByText('Choose the bundle file first.').waitFor();
  await form.getByLabel(/ATT&CK Enterprise bundle/).setInputFiles({
    name: 'enterprise-attack.json.gz',
    mimeType: 'application/gzip',
    buffer: gzipSync(miniBundleBytes()),
  });
  await form.getByRole('button', { name: 'Import bundle' }).click();
  await page.getByRole('group', { name: 'ATT&CK matrix' }).waitFor();
  // Platform administrators can replace it later (a new ATT&CK release).
  await page.getByText('Replace the ATT&CK bundle (new ATT&CK release)').waitFor();
});

test('the matrix shows tactics as columns and a covered technique with its counts', async () => {
  const matrix = page.getByRole('group', { name: 'ATT&CK matrix' });
  assert.equal(await matrix.getByRole('region').count(), 14);
  const execution = matrix.getByRole('region', { name: 'Execution' });
  const cell = execution.locator('[data-technique="T1059"]');
  assert.equal(await cell.getAttribute('data-state'), 'covered');
  assert.match(
    (await cell.getAttribute('aria-label')) ?? '',
    /T1059 Command and Scripting Interpreter: Covered, 1 enabled rule/,
  );
  const legend = page.getByRole('list', { name: 'Techniques by state' });
  assert.match((await legend.locator('[data-state="covered"]').textContent()) ?? '', /Covered: 2/);
  assert.match(
    (await legend.locator('[data-state="covered-but-no-data"]').textContent()) ?? '',
    /Rules, no data: 2/,
  );
  assert.match(
    (await legend.locator('[data-state="rules-disabled"]').textContent()) ?? '',
    /Rules disabled: 1/,
  );
  assert.match((await legend.locator('[data-state="none"]').textContent()) ?? '', /No rule: 1/);
  // T1078 spans four tactics: a cell in each column.
  assert.equal(await matrix.locator('[data-technique="T1078"]').count(), 4);
});

test('a cell opens its details: rules, data seen and health', async () => {
  await page.getByLabel('Show sub-techniques').check();
  const cell = page.getByRole('group', { name: 'ATT&CK matrix' }).locator('[data-technique="T1059.001"]');
  assert.equal(await cell.getAttribute('data-state'), 'covered');
  await cell.click();
  const details = page.getByRole('region', { name: 'T1059.001 PowerShell' });
  await details.waitFor();
  const row = details.getByRole('row', { name: /PowerShell Encoded Command/ });
  const text = (await row.textContent()) ?? '';
  assert.match(text, /high/);
  assert.match(text, /yes/);
  assert.match(text, /seen.*windows\/process_creation: last seen/);
  assert.match(text, /none$/, 'no rule errors');
  assert.equal(await row.locator('td').nth(3).textContent(), '1', 'one hit');
  assert.match((await details.textContent()) ?? '', /Process Creation/, 'ATT&CK data sources shown');

  const lsass = page.getByRole('group', { name: 'ATT&CK matrix' }).locator('[data-technique="T1003.001"]');
  await lsass.click();
  const lsassDetails = page.getByRole('region', { name: 'T1003.001 LSASS Memory' });
  assert.match((await lsassDetails.textContent()) ?? '', /not seen.*windows\/process_access: never seen/);
  await lsassDetails.getByRole('button', { name: 'Close' }).click();
  await lsassDetails.waitFor({ state: 'detached' });
});

test('filters by state and platform', async () => {
  const matrix = page.getByRole('group', { name: 'ATT&CK matrix' });
  const filters = page.getByRole('group', { name: 'Coverage filters' });
  await filters.getByLabel('State').selectOption('rules-disabled');
  await matrix.locator('[data-technique="T1059"]').waitFor({ state: 'detached' });
  const shown = await matrix
    .locator('[data-technique]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-technique')));
  assert.deepEqual(shown, ['T1110']);
  await filters.getByLabel('State').selectOption('');
  await filters.getByLabel('Platform').selectOption('Windows');
  await matrix.locator('[data-technique="T1059"]').waitFor();
  assert.ok((await matrix.locator('[data-technique]').count()) > 0);
  await filters.getByLabel('Platform').selectOption('');
});

test('the Navigator layer downloads as a 4.5 layer with the covered technique', async () => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export Navigator layer' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'vigil-attack-coverage-default.json');
  const path = await download.path();
  const layer = JSON.parse(readFileSync(path, 'utf8')) as {
    versions: { layer: string };
    domain: string;
    techniques: { techniqueID: string; score: number; color: string }[];
  };
  assert.equal(layer.versions.layer, '4.5');
  assert.equal(layer.domain, 'enterprise-attack');
  const ps = layer.techniques.find((t) => t.techniqueID === 'T1059.001');
  assert.equal(ps?.score, 3);
  assert.equal(layer.techniques.find((t) => t.techniqueID === 'T1110')?.score, 1);
});

test('no console errors, unexpected failed requests or CSP violations were reported', async () => {
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(problems, []);
});
