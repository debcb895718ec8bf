// End-to-end check of the admin pages against the real server (`vigil serve`, fresh data dir), with
// playwright-core and Debian's Chromium: users and roles, API keys, the audit log with its export and
// chain verification, and the access-denied states an analyst sees. The steps run in order.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  type ConsoleServer,
  createOwner,
  launchChromium,
  startConsoleServer,
  stopConsoleSuite,
} from './testing/console-suite.ts';
import { cspViolations, openWatchedPage } from './testing/watched-page.ts';

const OWNER = 'owner';
const OWNER_PASSWORD = 'Admin-Owner-Pass-9';
const ANALYST = 'analyst1';
const ANALYST_PASSWORD = 'Analyst-Own-Pass-4';
/** Answers the steps provoke on purpose; any other 4xx/5xx is a failure. */
const EXPECTED_REFUSALS = new Set([
  'GET /api/v1/workspaces 401', // the signed-out session probe
  'GET /api/v1/workspaces/default/audit 403', // the analyst asks the server directly
]);

let vigil: ConsoleServer | undefined;
let browser: Browser | undefined;
let owner: Page;
let baseUrl: string;
let temporaryPassword: string;
const problems: string[] = [];
const at = (path: string) => new URL(path, baseUrl).href;

before(async () => {
  vigil = await startConsoleServer('vigil-web-admin-');
  baseUrl = vigil.baseUrl;
  await createOwner(vigil, OWNER, OWNER_PASSWORD);
  browser = await launchChromium();
  owner = await openWatchedPage(browser, {
    expectedRefusals: EXPECTED_REFUSALS,
    problems,
    clipboardOrigin: baseUrl,
  });
});

after(() => stopConsoleSuite(browser, vigil));

test('the owner signs in and reaches Users & roles', async () => {
  await owner.goto(at('/settings/users'));
  await owner.waitForURL(at('/login?next=%2Fsettings%2Fusers'));
  await signIn(owner, OWNER, OWNER_PASSWORD);
  await owner.waitForURL(at('/settings/users'));
  await owner.getByRole('heading', { level: 1, name: 'Users & roles' }).waitFor();
  const ownerRow = owner.locator('tr[data-username="owner"]');
  await ownerRow.waitFor();
  assert.deepEqual(
    await ownerRow.getByRole('list', { name: 'Roles of owner' }).locator('li').allTextContents(),
    ['OwnerRevoke'],
  );
  assert.equal(await ownerRow.getByRole('button', { name: 'Disable owner' }).count(), 0, 'no self-disable');
  assert.equal(
    await owner
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings' })
      .getAttribute('aria-current'),
    'page',
  );
});

test('users: create with a one-time temporary password, grant analyst, revoke, disable/enable, reset', async () => {
  await owner.getByLabel('Username').fill(ANALYST);
  await owner.getByLabel('First role').selectOption('viewer');
  await owner.getByRole('button', { name: 'Create user' }).click();
  const secret = owner.getByRole('region', { name: `Temporary password for ${ANALYST}` });
  await secret.waitFor();
  temporaryPassword = (await secret.getByTestId('one-time-secret').textContent()) ?? '';
  assert.match(temporaryPassword, /^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
  assert.match((await secret.textContent()) ?? '', /shown only now/);
  await secret.getByRole('button', { name: 'Done, hide it' }).click();
  assert.equal(await owner.getByTestId('one-time-secret').count(), 0, 'the password is gone once dismissed');

  const row = owner.locator(`tr[data-username="${ANALYST}"]`);
  const roles = row.getByRole('list', { name: `Roles of ${ANALYST}` });
  await roles.getByText('Viewer').waitFor();
  assert.match((await row.textContent()) ?? '', /Must change password/);
  await row.getByLabel(`Role to grant to ${ANALYST}`).selectOption('analyst');
  await row.getByRole('button', { name: `Grant the chosen role to ${ANALYST}` }).click();
  await roles.getByText('Analyst').waitFor();
  await row.getByRole('button', { name: `Revoke Viewer from ${ANALYST}` }).click();
  await roles.getByText('Viewer').waitFor({ state: 'detached' });
  assert.deepEqual(await roles.locator('li').allTextContents(), ['AnalystRevoke']);

  // Disable, then enable again; then a forced reset replaces the temporary password (shown once again).
  await row.getByRole('button', { name: `Disable ${ANALYST}` }).click();
  await row.getByText('Disabled', { exact: true }).waitFor();
  await row.getByRole('button', { name: `Enable ${ANALYST}` }).click();
  await row.getByText('Active', { exact: true }).waitFor();
  await row.getByRole('button', { name: `Force a password reset for ${ANALYST}` }).click();
  const reset = row.getByRole('region', { name: `Temporary password for ${ANALYST}` });
  const replaced = (await reset.getByTestId('one-time-secret').textContent()) ?? '';
  assert.match(replaced, /^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
  assert.notEqual(replaced, temporaryPassword);
  temporaryPassword = replaced;
  await reset.getByRole('button', { name: 'Done, hide it' }).click();
  await reset.waitFor({ state: 'detached' });
});

test('roles: a custom role is made from the catalogue, then deleted while unused', async () => {
  await owner.getByRole('button', { name: 'New custom role' }).click();
  const editor = owner.getByRole('form', { name: 'New custom role' });
  await editor.getByLabel('Role id').fill('triage');
  await editor.getByLabel('Role name').fill('Triage');
  await editor.getByRole('checkbox', { name: /^alerts\.read / }).check();
  await editor.getByRole('checkbox', { name: /^alerts\.write / }).check();
  await editor.getByRole('button', { name: 'Save role' }).click();
  const row = owner.locator('tr[data-role="triage"]');
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /Triage.*Custom.*2 permissions/);
  await row.getByRole('button', { name: 'Delete role Triage' }).click();
  await row.waitFor({ state: 'detached' });
  const analystRole = owner.locator('tr[data-role="analyst"]');
  assert.equal(await analystRole.getByRole('button', { name: /Delete/ }).count(), 0, 'built-in roles stay');
});

test('groups: a group gets a role and a member, who holds it through the group until the group goes', async () => {
  const form = owner.getByRole('form', { name: 'Create a group' });
  await form.getByLabel('Group name').fill('Tier 1');
  await form.getByRole('button', { name: 'Create group' }).click();
  const row = owner.locator('tr[data-group="Tier 1"]');
  await row.waitFor();
  await row.getByLabel('Role to grant to group Tier 1').selectOption('responder');
  await row.getByRole('button', { name: 'Grant the chosen role to group Tier 1' }).click();
  await row.getByRole('list', { name: 'Roles of group Tier 1' }).getByText('Responder').waitFor();
  await row.getByLabel('Member to add to group Tier 1').selectOption({ label: ANALYST });
  await row.getByRole('button', { name: 'Add the chosen member to group Tier 1' }).click();
  await row.getByRole('list', { name: 'Members of group Tier 1' }).getByText(ANALYST).waitFor();
  const member = owner.locator(`tr[data-username="${ANALYST}"]`);
  await member.getByText('Also through groups: Tier 1').waitFor();
  await row.getByRole('button', { name: 'Delete group Tier 1' }).click();
  await row.waitFor({ state: 'detached' });
  await member.getByText('Also through groups: Tier 1').waitFor({ state: 'detached' });
});

test('API keys: the secret is shown once with a copy button, works, and stops working when revoked', async () => {
  await owner
    .getByRole('navigation', { name: 'Settings' })
    .getByRole('link', { name: 'API keys & ingest tokens' })
    .click();
  await owner.waitForURL(at('/settings/tokens'));
  await owner.getByRole('heading', { level: 1, name: 'API keys & ingest tokens' }).waitFor();
  const form = owner.getByRole('form', { name: 'Create an API key' });
  await form.getByLabel('Name').fill('ci-key');
  await form.getByLabel('Role').selectOption('viewer');
  await form.getByRole('button', { name: 'Create API key' }).click();
  const secret = owner.getByRole('region', { name: 'New API key “ci-key”' });
  await secret.waitFor();
  const key = (await secret.getByTestId('one-time-secret').textContent()) ?? '';
  assert.ok(key.length >= 20, 'a secret is shown');
  assert.match((await secret.textContent()) ?? '', /only time the API key is shown/);
  await secret.getByRole('button', { name: 'Copy' }).click();
  await secret.getByText('Copied.').waitFor();
  assert.equal(await owner.evaluate(() => navigator.clipboard.readText()), key);

  const asKey = () =>
    fetch(at('/api/v1/workspaces/default'), { headers: { authorization: `Bearer ${key}` } });
  assert.equal((await asKey()).status, 200);
  const row = owner.locator('tr[data-token-name="ci-key"]');
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /ci-key.*viewer.*Active/);
  assert.ok(!((await owner.content()).split(key).length > 2), 'the list does not repeat the secret');
  await secret.getByRole('button', { name: 'Done, hide it' }).click();
  assert.ok(!(await owner.content()).includes(key), 'the secret is gone from the page');

  await row.getByRole('button', { name: 'Revoke ci-key' }).click();
  await row.getByText('Revoked').waitFor();
  assert.equal((await asKey()).status, 401);

  // Ingest tokens: bound to a data space of the workspace.
  const ingest = owner.getByRole('form', { name: 'Create an ingest token' });
  await ingest.getByLabel('Name').fill('edge-collector');
  assert.equal(await ingest.getByLabel('Data space').inputValue(), 'default');
  await ingest.getByRole('button', { name: 'Create ingest token' }).click();
  const ingestSecret = owner.getByRole('region', { name: 'New ingest token “edge-collector”' });
  await ingestSecret.waitFor();
  await ingestSecret.getByRole('button', { name: 'Done, hide it' }).click();
  const ingestRow = owner.locator('tr[data-token-name="edge-collector"]');
  assert.match((await ingestRow.textContent()) ?? '', /edge-collector.*default.*Active/);
});

test('operator access: the owner sees that no operator holds or asked for access', async () => {
  await owner
    .getByRole('navigation', { name: 'Settings' })
    .getByRole('link', { name: 'Operator access' })
    .click();
  await owner.waitForURL(at('/settings/operator-access'));
  await owner.getByRole('heading', { level: 1, name: 'Operator access' }).waitFor();
  await owner.getByText('No operator has asked for access to this workspace.').waitFor();
  await owner.getByText('No operator has used access to this workspace.').waitFor();
  assert.equal(
    await owner.getByRole('heading', { name: 'Requests waiting for a security manager' }).count(),
    0,
    'the owner is no security manager',
  );
});

test('audit log: the actions are listed, filterable, exported as CSV, and the chain verifies', async () => {
  await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  await owner.waitForURL(at('/audit'));
  await owner.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
  const table = owner.getByRole('table', { name: 'Audit records' });
  await table.waitFor();
  const types = await table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event-type')));
  for (const t of [
    'user.created',
    'role.granted',
    'role.revoked',
    'role.created',
    'role.deleted',
    'token.created',
    'token.revoked',
  ])
    assert.ok(types.includes(t), `${t} in ${types.join(', ')}`);

  await owner.getByLabel('Event type').fill('token.revoked');
  await owner.getByLabel('User').selectOption({ label: OWNER });
  await owner.getByLabel('Result').selectOption('success');
  await owner.getByRole('button', { name: 'Apply filters' }).click();
  await owner.getByText('Records 1–1, newest first.').waitFor();
  const only = table.locator('tbody tr');
  assert.equal(await only.getAttribute('data-event-type'), 'token.revoked');
  assert.match((await only.textContent()) ?? '', /owner.*api_key:[0-9a-f]{16}.*success/);

  const [download] = await Promise.all([
    owner.waitForEvent('download'),
    owner.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'vigil-audit-default.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(csv, /^seq,time,event_type,user_id,/);
  // The export holds what the filters select: the one revocation, not the rest of the log.
  assert.ok(csv.includes('token.revoked'));
  for (const t of ['user.created', 'role.granted', 'token.created']) assert.ok(!csv.includes(t), t);

  await owner.getByRole('button', { name: 'Verify the chain' }).click();
  await owner.getByText('Intact').waitFor();
});

test('an analyst sees access denied on the audit log and on Users & roles', async () => {
  const analyst = await openWatchedPage(browser!, {
    expectedRefusals: EXPECTED_REFUSALS,
    problems,
    clipboardOrigin: baseUrl,
  });
  await analyst.goto(at('/account'));
  await analyst.waitForURL(at('/login?next=%2Faccount'));
  await signIn(analyst, ANALYST, temporaryPassword);
  await analyst.waitForURL(at('/account'));
  await analyst.getByLabel('Current password').fill(temporaryPassword);
  await analyst.getByLabel('New password', { exact: true }).fill(ANALYST_PASSWORD);
  await analyst.getByLabel('Confirm new password').fill(ANALYST_PASSWORD);
  await analyst.getByRole('button', { name: 'Change password' }).click();
  await analyst.getByText('Your password was changed.').waitFor();

  await analyst.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  await analyst.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
  const denied = analyst.getByRole('alert').filter({ hasText: 'Access denied' });
  await denied.waitFor();
  assert.match((await denied.textContent()) ?? '', /audit\.read/);
  assert.equal(await analyst.getByRole('table').count(), 0);
  const status = await analyst.evaluate(async () => (await fetch('/api/v1/workspaces/default/audit')).status);
  assert.equal(status, 403, 'the server refuses it too');

  await analyst.goto(at('/settings/users'));
  await analyst.getByRole('heading', { level: 1, name: 'Users & roles' }).waitFor();
  await analyst.getByRole('alert').filter({ hasText: 'Access denied' }).waitFor();
  assert.equal(await analyst.getByRole('button', { name: 'Create user' }).count(), 0);
  await analyst.context().close();
});

test('no console errors, unexpected failed requests or CSP violations were reported', async () => {
  assert.deepEqual(await cspViolations(owner), []);
  assert.deepEqual(problems, []);
});

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Sign in to Vigil' }).waitFor();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
