// End-to-end check of first-run set-up, sign-in (with the MFA step), the account page, search and the
// workspace wall, against the real server (`vigil serve`, fresh data dir), with playwright-core and
// Debian's Chromium. The steps run in order and share one browser context (one signed-in session).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  type ConsoleServer,
  launchChromium,
  startConsoleServer,
  stopConsoleSuite,
} from './testing/console-suite.ts';
import { cspViolations, openWatchedPage } from './testing/watched-page.ts';

const OWNER = 'owner';
const FIRST_PASSWORD = 'Browser-Owner-Pass-9';
const SECOND_PASSWORD = 'Second-Owner-Pass-7';
/** Answers the steps provoke on purpose; any other 4xx/5xx is a failure. */
const EXPECTED_REFUSALS = new Set([
  'GET /api/v1/workspaces 401', // the signed-out session probe
  'POST /api/v1/setup 400', // weak password
  'POST /api/v1/auth/login 401', // wrong password, then MFA_REQUIRED
  'POST /api/v1/workspaces/default/events/search 400', // invalid query
  'GET /api/v1/workspaces/someone-else 403', // the server's own wall
  'GET /api/v1/me 401', // after signing out everywhere
]);

let vigil: ConsoleServer | undefined;
let browser: Browser | undefined;
let page: Page;
let setupLink: string;
let baseUrl: string;
let recoveryCode: string;
const problems: string[] = [];
const at = (path: string) => new URL(path, baseUrl).href;

before(async () => {
  vigil = await startConsoleServer('vigil-web-auth-');
  ({ setupLink, baseUrl } = vigil);
  browser = await launchChromium();
  page = await openWatchedPage(browser, { expectedRefusals: EXPECTED_REFUSALS, problems });
});

after(() => stopConsoleSuite(browser, vigil));

test('set-up: live feedback flags a weak password, the server lists the failed rules, then the owner exists', async () => {
  await page.goto(setupLink);
  await page.getByRole('heading', { level: 1, name: 'Set up Vigil' }).waitFor();
  await page.getByLabel('Username').fill(OWNER);
  await page.getByLabel('Password').fill('password');
  // The checklist is the server's policy, marked from the server's check (debounced) of what was typed.
  await page.locator('.password-hints', { hasText: '2 rules are not met yet' }).waitFor();
  const unmet = await page
    .locator('.password-hints .hint-unmet')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
  assert.deepEqual(unmet, ['char_classes', 'common_password']);
  assert.match((await page.locator('.password-hints').textContent()) ?? '', /2 rules are not met yet/);

  // The server stays the authority: its 400 lists each failed rule, shown verbatim.
  await page.getByRole('button', { name: 'Create owner account' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const failed = await alert.locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
  assert.deepEqual(failed.sort(), ['char_classes', 'common_password']);
  assert.match((await alert.textContent()) ?? '', /too common or too predictable/);

  await page.getByLabel('Password').fill(FIRST_PASSWORD);
  await page.locator('.password-hints', { hasText: 'The password meets every rule.' }).waitFor();
  assert.equal(await page.locator('.password-hints .hint-unmet').count(), 0);
  await page.getByRole('button', { name: 'Create owner account' }).click();
  await page.waitForURL(at('/login?setup=done'));
  await page.getByRole('heading', { level: 1, name: 'Sign in to Vigil' }).waitFor();
  assert.match((await page.getByRole('status').textContent()) ?? '', /Vigil is set up/);
  assert.ok(!page.url().includes('token='), 'the spent token left the address bar');
});

test('a protected page sends a signed-out visitor to sign in, then back; failures are generic', async () => {
  await page.goto(at('/search?workspace=default'));
  await page.waitForURL(at('/login?next=%2Fsearch%3Fworkspace%3Ddefault'));
  await page.getByRole('heading', { level: 1, name: 'Sign in to Vigil' }).waitFor();

  const failureFor = async (username: string, password: string) => {
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    return page.getByRole('alert').textContent();
  };
  const wrongPassword = await failureFor(OWNER, 'Wrong-Password-1');
  const unknownUser = await failureFor('nobody-here', 'Wrong-Password-1');
  assert.equal(wrongPassword, 'Sign-in failed: the username, password or code is not valid.');
  assert.equal(unknownUser, wrongPassword, 'no account enumeration');

  await page.getByLabel('Username').fill(OWNER);
  await page.getByLabel('Password').fill(FIRST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(at('/search?workspace=default'));
  await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
  const switcher = page.getByLabel('Workspace');
  await switcher.waitFor();
  assert.equal(await switcher.inputValue(), 'default');
  assert.equal(await switcher.locator('option:checked').textContent(), 'Default');
  await page.getByRole('button', { name: /Account menu for owner/ }).waitFor();

  const cookie = (await page.context().cookies()).find((c) => c.name === 'vigil_session');
  assert.ok(cookie, 'session cookie set');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Strict');
});

test('search: events ingested through the API are found, paged by cursor, expanded, aggregated, saved and exported', async () => {
  const token = await page.evaluate(async () => {
    const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
    const created = await fetch('/api/v1/workspaces/default/ingest-tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ name: 'browser-test' }),
    });
    return ((await created.json()) as { token: string }).token;
  });
  const now = Date.now();
  const lines = Array.from({ length: 60 }, (_, i) =>
    JSON.stringify({
      '@timestamp': new Date(now - 60_000 - i * 1000).toISOString(),
      message: `sshd login attempt ${i}`,
      host: { name: i === 0 ? 'web-1' : 'db-1' },
      user: { name: i % 2 === 0 ? 'alice' : 'bob' },
      event: { category: 'authentication', outcome: 'failure' },
    }),
  );
  const ingest = await fetch(at('/api/v1/workspaces/default/ingest'), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
    body: lines.join('\n'),
  });
  assert.equal(ingest.status, 200, await ingest.clone().text());
  assert.equal(((await ingest.json()) as { accepted: number }).accepted, 60);

  const query = page.getByLabel('Query', { exact: true });
  const summary = page.locator('.search-summary');
  await query.fill('host.name:web-1');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByText('1 event on page 1.').waitFor();
  const row = page.locator('.results-table tbody tr').first();
  assert.match((await row.textContent()) ?? '', /web-1.*alice.*authentication/);
  await row.getByRole('button').click();
  assert.match((await page.locator('.event-json').textContent()) ?? '', /"name": "web-1"/);

  // Cursor paging: 60 events, 50 a page.
  await query.fill('*');
  await query.press('Enter');
  await page.getByText('50 events on page 1; more on the next page.').waitFor();
  await page.getByRole('button', { name: 'Next page' }).click();
  await page.getByText('10 events on page 2.').waitFor();
  await page.getByRole('button', { name: 'Previous page' }).click();
  await page.getByText('50 events on page 1; more on the next page.').waitFor();

  // A broken query: each problem with its position, highlighted; the box is marked invalid.
  await query.fill('user.name:alice AND (host.name:web-1');
  await query.press('Enter');
  const problem = page.getByRole('alert').filter({ hasText: 'The query has a problem' });
  await problem.waitFor();
  assert.match((await problem.textContent()) ?? '', /At offset 36: expected "\)"/);
  assert.equal(await page.locator('.problem-mark').count(), 1);
  assert.equal(await query.getAttribute('aria-invalid'), 'true');
  await problem.getByRole('button', { name: 'Go to offset 36 in the query' }).click();
  assert.equal(await query.evaluate((el) => (el as HTMLTextAreaElement).selectionStart), 36);

  await query.fill('event.outcome:failure | stats count() by user.name | sort user.name');
  await query.press('Enter');
  await page.locator('.stats-table').waitFor();
  assert.deepEqual(await page.locator('.stats-table thead th').allTextContents(), ['user.name', 'count()']);
  assert.deepEqual(await page.locator('.stats-table tbody tr').allTextContents(), ['alice30', 'bob30']);
  assert.match((await summary.textContent()) ?? '', /2 rows/);

  // A timechart over 24 hours in 10-minute buckets has more rows than a page: all of them are shown.
  await query.fill('* | timechart span=10m count()');
  await query.press('Enter');
  await page.getByText(/^14[45] rows\.$/u).waitFor();
  assert.deepEqual(await page.locator('.stats-table thead th').allTextContents(), ['@timestamp', 'count()']);

  // Saved queries: save the one in the box, pick it back after changing the box, delete it.
  await page.getByLabel('Save the query as').fill('Events per 10 minutes');
  await page.getByRole('button', { name: 'Save query' }).click();
  await page.getByText('Saved “Events per 10 minutes”.').waitFor();
  await query.fill('*');
  await page.getByLabel('Saved query').selectOption({ label: 'Events per 10 minutes' });
  assert.equal(await query.inputValue(), '* | timechart span=10m count()');
  await page.getByRole('button', { name: 'Delete saved query' }).click();
  await page.getByText('Deleted “Events per 10 minutes”.').waitFor();
  await page.getByRole('option', { name: 'Choose (0 saved)' }).waitFor({ state: 'attached' });

  await query.fill('host.name:web-1 | fields @timestamp, host.name, message');
  await query.press('Enter');
  await page.getByText('1 event on page 1.').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^events-.*\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8')
    .trim()
    .split(/\r?\n/);
  assert.equal(csv.length, 2);
  assert.match(csv[1] ?? '', /web-1,sshd login attempt 0/);
  const [ndjson] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export NDJSON' }).click(),
  ]);
  assert.match(ndjson.suggestedFilename(), /\.ndjson$/);
});

test('account: password change with live feedback, then TOTP enrolment with recovery codes', async () => {
  await page.getByRole('button', { name: /Account menu for owner/ }).click();
  await page.getByRole('link', { name: 'Change password' }).click();
  await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
  await page.getByLabel('Current password').fill(FIRST_PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill('renwo');
  await page.locator('.password-hints', { hasText: '3 rules are not met yet' }).waitFor();
  assert.deepEqual(
    await page.locator('.password-hints .hint-unmet').evaluateAll((els) => els.map((e) => e.dataset['rule'])),
    ['length', 'char_classes', 'account_name'],
  );
  await page.getByLabel('New password', { exact: true }).fill(SECOND_PASSWORD);
  await page.getByLabel('Confirm new password').fill(SECOND_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('Your password was changed.').waitFor();

  // The session id (and so the CSRF token) rotated: the next write must use the new token.
  await page.getByRole('button', { name: 'Set up an authenticator' }).click();
  const uri = (await page.getByTestId('otpauth-uri').textContent()) ?? '';
  const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
  assert.match(uri, /^otpauth:\/\/totp\//);
  assert.ok(uri.includes(`secret=${secret}`));
  await page.getByLabel('Code from the app').fill(totp(secret, Date.now()));
  await page.getByRole('button', { name: 'Confirm and turn on' }).click();
  const codes = page.getByRole('list', { name: 'Recovery codes' });
  await codes.waitFor();
  const all = await codes.locator('li').allTextContents();
  assert.equal(all.length, 10);
  recoveryCode = all[0] ?? '';
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await page.getByText('Two-factor authentication is on: sign-in asks for a code').waitFor();
  assert.equal(await codes.count(), 0, 'recovery codes are shown once');
});

test('sign-out, then sign-in asks for the second factor (a recovery code stands in for it)', async () => {
  await page.getByRole('button', { name: /Account menu for owner/ }).click();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL(at('/login?signed-out=this'));
  await page.goto(at('/account'));
  await page.waitForURL(at('/login?next=%2Faccount'));

  await page.getByLabel('Username').fill(OWNER);
  await page.getByLabel('Password').fill(SECOND_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const code = page.getByLabel('Authenticator code or recovery code');
  await code.waitFor();
  assert.equal(await page.getByRole('alert').count(), 0, 'the MFA step is not an error');
  await code.fill(recoveryCode);
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await page.waitForURL(at('/account'));
  await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
});

test('a workspace the account holds no role in shows access denied, and the server refuses it too', async () => {
  await page.goto(at('/search?workspace=someone-else'));
  await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
  const denied = page.getByRole('alert').filter({ hasText: 'Access denied' });
  await denied.waitFor();
  assert.match((await denied.textContent()) ?? '', /someone-else/);
  assert.equal(
    await page.getByLabel('Query', { exact: true }).count(),
    0,
    'no search form for that workspace',
  );
  const status = await page.evaluate(async () => (await fetch('/api/v1/workspaces/someone-else')).status);
  assert.equal(status, 403);

  // Choosing one of the account's workspaces in the switcher leaves the denied state.
  await page.getByLabel('Workspace').selectOption('default');
  await page.waitForURL(at('/search?workspace=default'));
  await page.getByLabel('Query', { exact: true }).waitFor();
});

test('sign out everywhere ends the session; protected pages then redirect to sign in', async () => {
  await page.getByRole('button', { name: /Account menu for owner/ }).click();
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await page.waitForURL(at('/login?signed-out=all'));
  await page.goto(at('/search'));
  await page.waitForURL(at('/login?next=%2Fsearch'));
  const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
  assert.equal(me, 401);
});

test('no console errors, unexpected failed requests or CSP violations were reported', async () => {
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(problems, []);
});

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) of a base32 secret, as an authenticator app computes it. */
function totp(base32: string, epochMs: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of base32.replace(/=+$/u, '').toUpperCase())
    bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.from((bits.match(/.{8}/gu) ?? []).map((b) => Number.parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(epochMs / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}
