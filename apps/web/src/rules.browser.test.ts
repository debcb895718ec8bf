// End-to-end check of the detection pages against the real server (`vigil serve`, fresh data dir), with
// playwright-core and Debian's Chromium: import a pasted Sigma rule, find and enable it in the list, open
// it, test it against pasted events, and add an exception. The steps run in order.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { makeZip } from '../../server/src/rules/zip-fixture.ts';
import {
  type ConsoleServer,
  createOwner,
  launchChromium,
  signInVia,
  startConsoleServer,
  stopConsoleSuite,
} from './testing/console-suite.ts';
import { cspViolations, openWatchedPage } from './testing/watched-page.ts';

const OWNER = 'owner';
const OWNER_PASSWORD = 'Rules-Owner-Pass-7';
const RULE_ID = '5f0c8a52-7d1e-4c39-9a61-2b7a0c1d9e01';
const OTHER_ID = '5f0c8a52-7d1e-4c39-9a61-2b7a0c1d9e02';
const RULE_TITLE = 'Whoami In Command Line';
const RULE = `title: ${RULE_TITLE}
id: ${RULE_ID}
status: test
level: medium
description: Someone asked who they are.
tags:
  - attack.discovery
  - attack.t1033
logsource:
  product: windows
  category: process_creation
detection:
  selection:
    CommandLine|contains: whoami
  condition: selection
`;
const MATCHING = {
  EventID: 1,
  Channel: 'Microsoft-Windows-Sysmon/Operational',
  Image: 'C:\\Windows\\System32\\whoami.exe',
  CommandLine: 'whoami /all',
  User: 'CORP\\bob',
};
const OTHER = { ...MATCHING, Image: 'C:\\Windows\\System32\\cmd.exe', CommandLine: 'cmd.exe /c dir' };
/** Answers the steps provoke on purpose; any other 4xx/5xx is a failure. */
const EXPECTED_REFUSALS = new Set(['GET /api/v1/workspaces 401']);

let vigil: ConsoleServer | undefined;
let browser: Browser | undefined;
let page: Page;
let baseUrl: string;
const problems: string[] = [];
const at = (path: string) => new URL(path, baseUrl).href;

before(async () => {
  vigil = await startConsoleServer('vigil-web-rules-');
  baseUrl = vigil.baseUrl;
  await createOwner(vigil, OWNER, OWNER_PASSWORD);
  browser = await launchChromium();
  page = await openWatchedPage(browser, { expectedRefusals: EXPECTED_REFUSALS, problems });
});

after(() => stopConsoleSuite(browser, vigil));

test('the owner signs in and reaches the Detection area', async () => {
  await signInVia(page, baseUrl, '/detection', OWNER, OWNER_PASSWORD);
  await page.getByRole('heading', { level: 1, name: 'Detection rules' }).waitFor();
  await page.getByText('No rules match.').waitFor();
  assert.equal(
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Detection' })
      .getAttribute('aria-current'),
    'page',
  );
});

test('a pasted rule is imported, listed, found by the filters and enabled', async () => {
  const form = page.getByRole('form', { name: 'Import rules' });
  await form.getByLabel('Sigma YAML').fill(RULE);
  await form.getByRole('button', { name: 'Import' }).click();
  const result = page.getByRole('region', { name: 'Import result' });
  await result.getByText('1 file: 1 created, 0 updated, 0 unchanged, 0 rejected.').waitFor();
  assert.match(
    (await result.getByRole('list', { name: 'Accepted rules' }).textContent()) ?? '',
    new RegExp(`${RULE_TITLE} \\(created, pasted.yml\\)`),
  );

  // A broken document is rejected with its file and reason.
  await form.getByLabel('Sigma YAML').fill(RULE.replace('CommandLine|contains', 'CommandLine|nosuch'));
  await form.getByRole('button', { name: 'Import' }).click();
  const rejected = result.getByRole('list', { name: 'Rejected files' });
  await rejected.waitFor();
  assert.match((await rejected.textContent()) ?? '', /pasted\.yml.*nosuch/);

  // A zip in SigmaHQ layout: its good rule is accepted, its broken one rejected with file and reason.
  const zip = makeZip({
    'rules/windows/process_creation/net_user.yml': RULE.replace(RULE_ID, OTHER_ID)
      .replace(RULE_TITLE, 'Net User Listing')
      .replace('whoami', 'net user')
      .replace(/tags:\n( {2}- .*\n)+/, ''),
    'rules/windows/process_creation/broken.yml': 'title: [unbalanced',
    'README.md': 'ignored',
  });
  await form
    .getByLabel(/Or a file/)
    .setInputFiles({ name: 'rules.zip', mimeType: 'application/zip', buffer: zip });
  await form.getByRole('button', { name: 'Import' }).click();
  await result.getByText('2 files: 1 created, 0 updated, 0 unchanged, 1 rejected.').waitFor();
  assert.match(
    (await result.getByRole('list', { name: 'Accepted rules' }).textContent()) ?? '',
    /Net User Listing \(created, rules\/windows\/process_creation\/net_user\.yml\)/,
  );
  assert.match((await rejected.textContent()) ?? '', /rules\/windows\/process_creation\/broken\.yml.*: \S/);
  await page.getByText('Rules 1–2 of 2.').waitFor();

  const row = page.locator(`tr[data-rule-id="${RULE_ID}"]`);
  await row.waitFor();
  assert.match(
    (await row.textContent()) ?? '',
    /Whoami In Command Line.*medium.*test.*windows.*attack\.t1033/,
  );

  await page.getByLabel('Search rules').fill('whoami');
  await page.getByLabel('Level').selectOption('high');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByText('No rules match.').waitFor();
  await page.getByLabel('Level').selectOption('medium');
  await page.getByLabel('Tag').fill('attack.t1033');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByText('Rules 1–1 of 1.').waitFor();

  const toggle = row.getByRole('switch', { name: `Enabled: ${RULE_TITLE}` });
  assert.equal(await toggle.getAttribute('aria-checked'), 'false', 'imported rules start disabled');
  await toggle.click();
  await row.getByRole('switch', { name: `Enabled: ${RULE_TITLE}`, checked: true }).waitFor();
  await page.getByLabel('Enabled', { exact: true }).selectOption('true');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByText('Rules 1–1 of 1.').waitFor();
});

test('rules are enabled by selection and disabled by filter in bulk', async () => {
  await page.getByLabel('Search rules').fill('');
  await page.getByLabel('Level').selectOption('');
  await page.getByLabel('Tag').fill('');
  await page.getByLabel('Enabled', { exact: true }).selectOption('');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByText('Rules 1–2 of 2.').waitFor();
  const bulk = page.getByRole('region', { name: 'Bulk actions' });
  await page.getByLabel('Select all rules on this page').check();
  await bulk.getByText('2 selected:').waitFor();
  await bulk.getByRole('button', { name: 'Enable selected' }).click();
  await bulk.getByText('Enabled 1 of 2 rules (1 already enabled).').waitFor();
  const other = page.locator(`tr[data-rule-id="${OTHER_ID}"]`);
  await other.getByRole('switch', { name: 'Enabled: Net User Listing', checked: true }).waitFor();

  await page.getByLabel('Search rules').fill('net user');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByText('Rules 1–1 of 1.').waitFor();
  await bulk.getByRole('button', { name: 'Disable all matching' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Confirm the bulk change' });
  await confirm.getByText('Disable every rule matching {"q":"net user"}?').waitFor();
  await confirm.getByRole('button', { name: 'Disable them' }).click();
  await bulk.getByText('Disabled 1 of 1 rules (0 already disabled).').waitFor();
  await other.getByRole('switch', { name: 'Enabled: Net User Listing', checked: false }).waitFor();

  await page.getByLabel('Search rules').fill('whoami');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByText('Rules 1–1 of 1.').waitFor();
  await page
    .locator(`tr[data-rule-id="${RULE_ID}"]`)
    .getByRole('switch', { name: `Enabled: ${RULE_TITLE}`, checked: true })
    .waitFor();
});

test('the rule page shows the rule and tests it against a matching and a non-matching event', async () => {
  await page.getByRole('link', { name: RULE_TITLE }).click();
  await page.waitForURL(at(`/detection/rules/${RULE_ID}?workspace=default`));
  await page.getByRole('heading', { level: 1, name: RULE_TITLE }).waitFor();
  assert.deepEqual(await page.getByRole('list', { name: 'ATT&CK tags' }).locator('li').allTextContents(), [
    'attack.discovery',
    'attack.t1033',
  ]);
  assert.match((await page.getByLabel('Rule YAML').textContent()) ?? '', /CommandLine\|contains: whoami/);
  await page.getByRole('switch', { name: `Enabled: ${RULE_TITLE}`, checked: true }).waitFor();
  assert.equal(await page.getByRole('list', { name: 'Versions' }).locator('li').count(), 1);

  const form = page.getByRole('form', { name: 'Test the rule' });
  await form.getByLabel(/Sample events/).fill('{oops');
  await form.getByRole('button', { name: 'Run test' }).click();
  await page.getByText('Line 1 is not valid JSON.').waitFor();

  await form.getByLabel(/Sample events/).fill(JSON.stringify([MATCHING, OTHER], null, 2));
  await form.getByRole('button', { name: 'Run test' }).click();
  const result = page.getByRole('region', { name: 'Test result' });
  await result.getByText('1 hit in 2 events; 0 suppressed, 0 errors.').waitFor();
  assert.deepEqual(
    await result.getByRole('list', { name: 'Events tested' }).locator('li').allTextContents(),
    ['Event 1: matched', 'Event 2: no match'],
  );

  // The backtest runs over the (empty) store of the last 24 hours.
  await page.getByRole('button', { name: 'Run backtest' }).click();
  await page
    .getByRole('region', { name: 'Backtest result' })
    .getByText('0 hits in 0 events scanned.')
    .waitFor();
});

test('an exception is added, listed, applied by a test, and deleted', async () => {
  const form = page.getByRole('form', { name: 'Add an exception' });
  await form.getByLabel(/Conditions/).fill("User|endswith: '\\bob'");
  await form.getByLabel('Reason').fill('bob runs the inventory script');
  await form.getByRole('button', { name: 'Add exception' }).click();
  const row = page.getByRole('row', { name: /bob runs the inventory script/ });
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /User\|endswith.*\\\\bob[\s\S]*owner.*Never.*Active/);

  await page.getByRole('form', { name: 'Test the rule' }).getByRole('button', { name: 'Run test' }).click();
  const result = page.getByRole('region', { name: 'Test result' });
  await result.getByText('0 hits in 2 events; 1 suppressed, 0 errors.').waitFor();
  assert.deepEqual(
    await result.getByRole('list', { name: 'Events tested' }).locator('li').allTextContents(),
    ['Event 1: suppressed by an exception', 'Event 2: no match'],
  );

  await row.getByRole('button', { name: 'Delete the exception “bob runs the inventory script”' }).click();
  await row.waitFor({ state: 'detached' });
  await page.getByText('No exceptions.').waitFor();
});

test('no console errors, unexpected failed requests or CSP violations were reported', async () => {
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(problems, []);
});
