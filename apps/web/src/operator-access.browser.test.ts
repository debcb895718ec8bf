// End-to-end: a platform operator files an access request from the console and follows its status while
// a security manager decides it (real `vigil serve`, playwright-core with Debian's Chromium).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { registerTestSecret } from './testing/register-test-secret.ts';
import {
  type ConsoleServer,
  launchChromium,
  setupToken,
  startConsoleServer,
  stopConsoleSuite,
} from './testing/console-suite.ts';
import { openWatchedPage } from './testing/watched-page.ts';

const OWNER_PASSWORD = 'Admin-Owner-Pass-9';
const OPERATOR_PASSWORD = 'Operator-Own-Pass-5';
const SECMAN_PASSWORD = 'Security-Mgr-Pass-6';
const TEMPORARY = 'Temporary-Pass-123';
const EXPECTED_REFUSALS = new Set([
  'GET /api/v1/workspaces 401', // the signed-out session probe
  'POST /api/v1/operator-access 404', // the request for a workspace that does not exist
]);

let vigil: ConsoleServer | undefined;
let browser: Browser | undefined;
let baseUrl: string;
const problems: string[] = [];
const at = (path: string) => new URL(path, baseUrl).href;

interface ApiSession {
  cookie: string;
  csrf: string;
}

async function api(s: ApiSession | undefined, method: string, path: string, body?: unknown) {
  const res = await fetch(at(path), {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path} answered ${res.status}: ${text}`);
  return { res, json: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown> };
}

async function apiLogin(username: string, password: string): Promise<ApiSession> {
  const { res, json } = await api(undefined, 'POST', '/api/v1/auth/login', { username, password });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  registerTestSecret('session cookie', cookie);
  return { cookie, csrf: String(json['csrfToken']) };
}

/** An account with a platform role, its temporary password already changed (as a person would). */
async function platformUser(owner: ApiSession, username: string, role: string, password: string) {
  const created = await api(owner, 'POST', '/api/v1/workspaces/default/users', {
    username,
    password: TEMPORARY,
  });
  const id = String(created.json['id']);
  await api(owner, 'POST', `/api/v1/platform/users/${encodeURIComponent(id)}/roles`, { role });
  const first = await apiLogin(username, TEMPORARY);
  await api(first, 'POST', '/api/v1/me/password', { currentPassword: TEMPORARY, newPassword: password });
  return id;
}

before(async () => {
  for (const password of [OWNER_PASSWORD, OPERATOR_PASSWORD, SECMAN_PASSWORD, TEMPORARY])
    registerTestSecret('password', password);
  vigil = await startConsoleServer('vigil-web-operator-');
  baseUrl = vigil.baseUrl;
  const token = setupToken(vigil);
  await api(undefined, 'POST', '/api/v1/setup', { token, username: 'owner', password: OWNER_PASSWORD });
  const owner = await apiLogin('owner', OWNER_PASSWORD);
  await platformUser(owner, 'op1', 'operator', OPERATOR_PASSWORD);
  await platformUser(owner, 'sec1', 'security-manager', SECMAN_PASSWORD);
  browser = await launchChromium();
});

after(() => stopConsoleSuite(browser, vigil));

test('an operator requests access from the console and sees it pending, then approved', async () => {
  const page: Page = await openWatchedPage(browser!, { expectedRefusals: EXPECTED_REFUSALS, problems });
  await page.goto(at('/settings/operator-access'));
  await page.waitForURL(/\/login/);
  await page.getByLabel('Username').fill('op1');
  await page.getByLabel('Password').fill(OPERATOR_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(at('/settings/operator-access'));
  await page.getByRole('heading', { name: 'Your access requests' }).waitFor();
  await page.getByText('You have not asked for access yet.').waitFor();

  const form = page.getByRole('form', { name: 'Request access to a workspace' });
  await form.getByLabel('Workspace id').fill('default');
  await form.getByLabel("Owner's ticket").fill('CASE-77');
  await form.getByLabel('Reason').fill('ingest from the edge collector stalls');
  await form.getByLabel('Duration (minutes)').fill('30');
  await form.getByRole('button', { name: 'Request access' }).click();
  const row = page.locator('tr[data-ticket="CASE-77"]');
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /CASE-77.*default.*requested/);

  // A security manager approves it; the operator's list shows the new status after signing in again.
  const sec = await apiLogin('sec1', SECMAN_PASSWORD);
  const pending = await api(sec, 'GET', '/api/v1/operator-access/pending');
  const request = (pending.json['requests'] as { id: string; ticket: string }[]).find(
    (r) => r.ticket === 'CASE-77',
  );
  assert.ok(request, 'the request reached the security managers’ queue');
  await api(sec, 'POST', `/api/v1/operator-access/${request.id}/approve`, { note: 'go ahead' });
  // The approval is a privilege change: it ended the operator's session, so the console asks again.
  await page.reload();
  await page.waitForURL(/\/login/);
  await page.getByLabel('Username').fill('op1');
  await page.getByLabel('Password').fill(OPERATOR_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(at('/settings/operator-access'));
  await page.locator('tr[data-ticket="CASE-77"] td[data-status="approved"]').waitFor();
  assert.match((await page.locator('tr[data-ticket="CASE-77"]').textContent()) ?? '', /go ahead/);

  // A refused request names the field (bad input gets a 4xx the form shows).
  await form.getByLabel('Workspace id').fill('no-such-workspace');
  await form.getByLabel("Owner's ticket").fill('CASE-78');
  await form.getByLabel('Reason').fill('typo in the workspace id');
  await form.getByRole('button', { name: 'Request access' }).click();
  await form.getByRole('alert').waitFor();
  assert.equal(await page.locator('tr[data-ticket="CASE-78"]').count(), 0, 'nothing was filed');
  await page.close();
});

test('the console raised no unexpected errors', () => {
  // Chromium also logs the provoked 404 as a console error: exactly that one is expected.
  const provoked =
    'console error: Failed to load resource: the server responded with a status of 404 (Not Found)';
  const rest = [...problems];
  const i = rest.indexOf(provoked);
  if (i >= 0) rest.splice(i, 1);
  assert.deepEqual(rest, []);
});
