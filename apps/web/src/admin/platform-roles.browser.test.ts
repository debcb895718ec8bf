// The platform roles page against the real server: the first-run owner (a platform administrator) grants
// and revokes installation roles, sees the server's refusals (operator + security manager on one account,
// revoking one's own administrator role), and keeps working after changing their own roles (the server
// rotates the session id and hands the console the new CSRF token).
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
import { registerTestSecret } from '../testing/register-test-secret.ts';

const OWNER = 'owner';
const OWNER_PASSWORD = 'Platform-Owner-Pass-7';
const MEMBER_PASSWORD = 'Platform-Member-Pass-3';
const SAM_PASSWORD = 'Sam-Own-Password-8';

let vigil: ConsoleServer | undefined;
let browser: Browser | undefined;
let page: Page;
let baseUrl: string;
const ids = new Map<string, string>();
const problems: string[] = [];
const at = (path: string) => new URL(path, baseUrl).href;

/** Signs in over the API and creates the accounts the page will grant roles to. */
async function createAccounts(usernames: readonly string[]): Promise<void> {
  const login = await fetch(at('/api/v1/auth/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: OWNER, password: OWNER_PASSWORD }),
  });
  assert.ok(login.ok, `login answered ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await login.json()) as { csrfToken: string; user: { id: string } };
  registerTestSecret('session cookie', cookie);
  registerTestSecret('CSRF token', body.csrfToken);
  ids.set(OWNER, body.user.id);
  for (const username of usernames) {
    const res = await fetch(at('/api/v1/workspaces/default/users'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': body.csrfToken },
      body: JSON.stringify({ username, password: MEMBER_PASSWORD }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    ids.set(username, ((await res.json()) as { id: string }).id);
  }
}

before(async () => {
  for (const password of [OWNER_PASSWORD, MEMBER_PASSWORD, SAM_PASSWORD])
    registerTestSecret('password', password);
  vigil = await startConsoleServer('vigil-web-platform-roles-');
  baseUrl = vigil.baseUrl;
  await createOwner(vigil, OWNER, OWNER_PASSWORD);
  await createAccounts(['opal', 'sam']);
  browser = await launchChromium();
  page = await openWatchedPage(browser, {
    // Answers the steps provoke on purpose; any other 4xx/5xx is a failure.
    expectedRefusals: new Set([
      'GET /api/v1/workspaces 401',
      `POST /api/v1/platform/users/${ids.get('opal')}/roles 409`,
      `DELETE /api/v1/platform/users/${ids.get(OWNER)}/roles/platform-admin 409`,
      'GET /api/v1/platform/users 403', // the security manager asks the server directly
    ]),
    problems,
  });
});

after(() => stopConsoleSuite(browser, vigil));

const row = (username: string) => page.locator(`tr[data-username="${username}"]`);
const roles = (username: string) =>
  row(username).getByRole('list', { name: `Platform roles of ${username}` });

async function grant(username: string, role: string): Promise<void> {
  await row(username).getByLabel(`Role to grant to ${username}`).selectOption(role);
  await row(username)
    .getByRole('button', { name: `Grant the chosen role to ${username}` })
    .click();
}

test('the platform administrator reaches Platform roles and sees every account', async () => {
  await signInVia(page, baseUrl, '/settings/platform-roles', OWNER, OWNER_PASSWORD);
  await page.getByRole('heading', { level: 1, name: 'Platform roles' }).waitFor();
  await row(OWNER).waitFor();
  assert.deepEqual(await roles(OWNER).locator('li').allTextContents(), ['Platform administratorRevoke']);
  assert.match((await row('opal').textContent()) ?? '', /No platform role/);
  assert.match((await row('sam').textContent()) ?? '', /No platform role/);
});

test('grants show up; operator and security manager on one account is refused with the reason', async () => {
  await grant('opal', 'operator');
  await roles('opal').getByText('Platform operator').waitFor();
  await grant('sam', 'security-manager');
  await roles('sam').getByText('Security manager').waitFor();

  await grant('opal', 'security-manager');
  const refusal = row('opal').getByRole('alert');
  await refusal.waitFor();
  assert.match((await refusal.textContent()) ?? '', /cannot hold both operator and security-manager/);
  assert.deepEqual(await roles('opal').locator('li').allTextContents(), ['Platform operatorRevoke']);

  await row('opal').getByRole('button', { name: 'Revoke Platform operator from opal' }).click();
  await row('opal').getByText('No platform role').waitFor();
});

test('an administrator cannot revoke their own administrator role; self-changes keep the console working', async () => {
  await row(OWNER)
    .getByRole('button', { name: `Revoke Platform administrator from ${OWNER}` })
    .click();
  const refusal = row(OWNER).getByRole('alert');
  await refusal.waitFor();
  assert.match((await refusal.textContent()) ?? '', /Another platform administrator must revoke/);

  // Granting oneself a role is a privilege change: the session id rotates, and the next write (with the
  // rotated CSRF token) still succeeds.
  const before = (await page.context().cookies()).find((c) => c.name === 'vigil_session')?.value;
  await grant(OWNER, 'security-manager');
  await roles(OWNER).getByText('Security manager').waitFor();
  const afterGrant = (await page.context().cookies()).find((c) => c.name === 'vigil_session')?.value;
  assert.ok(before !== undefined && afterGrant !== undefined && afterGrant !== before, 'new session id');
  await row(OWNER)
    .getByRole('button', { name: `Revoke Security manager from ${OWNER}` })
    .click();
  await roles(OWNER).getByText('Security manager').waitFor({ state: 'detached' });
  assert.deepEqual(await roles(OWNER).locator('li').allTextContents(), ['Platform administratorRevoke']);
});

test('a security manager (no platform admin) sees access denied, and the server refuses too', async () => {
  const sam = await openWatchedPage(browser!, {
    expectedRefusals: new Set(['GET /api/v1/workspaces 401', 'GET /api/v1/platform/users 403']),
    problems,
  });
  await sam.goto(at('/settings/platform-roles'));
  await sam.getByRole('heading', { level: 1, name: 'Sign in to Vigil' }).waitFor();
  await sam.getByLabel('Username').fill('sam');
  await sam.getByLabel('Password').fill(MEMBER_PASSWORD);
  await sam.getByRole('button', { name: 'Sign in' }).click();
  // A new account changes its temporary password first (the console holds it on /account until then).
  await sam.waitForURL(at('/account'));
  await sam.getByLabel('Current password').fill(MEMBER_PASSWORD);
  await sam.getByLabel('New password', { exact: true }).fill(SAM_PASSWORD);
  await sam.getByLabel('Confirm new password').fill(SAM_PASSWORD);
  await sam.getByRole('button', { name: 'Change password' }).click();
  await sam.getByText('Your password was changed.').waitFor();
  await sam.goto(at('/settings/platform-roles'));
  await sam.getByRole('heading', { level: 1, name: 'Platform roles' }).waitFor();
  const denied = sam.getByRole('alert').filter({ hasText: 'Access denied' });
  await denied.waitFor();
  assert.match((await denied.textContent()) ?? '', /platform\.roles\.manage/);
  assert.equal(await sam.getByRole('table').count(), 0);
  const status = await sam.evaluate(async () => (await fetch('/api/v1/platform/users')).status);
  assert.equal(status, 403);
  await sam.context().close();
});

test('no console errors, unexpected failed requests or CSP violations were reported', async () => {
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(problems, []);
});
