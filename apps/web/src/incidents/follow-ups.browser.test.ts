// End-to-end check of the alert and incident follow-ups in the console against a real server: the
// incident SLA policy form, indicator/asset links suggested from an alert and linked on the incident
// page, @mentions of non-members reported back, and suppressed hits listed in the alert queue.
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
const OWNER_PASSWORD = 'Follow-Up-Pass-7';
const EXPECTED_REFUSALS = new Set(['GET /api/v1/workspaces 401']);

let vigil: ConsoleServer | undefined;
let browser: Browser | undefined;
let page: Page;
let baseUrl: string;
let incidentId = '';
let alertId = '';
const problems: string[] = [];
const at = (path: string) => new URL(path, baseUrl).href;

before(async () => {
  vigil = await startConsoleServer('vigil-web-follow-ups-');
  baseUrl = vigil.baseUrl;
  await createOwner(vigil, OWNER, OWNER_PASSWORD);
  browser = await launchChromium();
  page = await openWatchedPage(browser, { expectedRefusals: EXPECTED_REFUSALS, problems });
});

after(() => stopConsoleSuite(browser, vigil));

test('the owner signs in; an alert forms an incident and a suppressed hit is recorded', async () => {
  await signInVia(page, baseUrl, '/incidents', OWNER, OWNER_PASSWORD);
  const result = await page.evaluate(async () => {
    const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
    const headers = { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken };
    const post = (url: string, body: unknown) =>
      fetch(`/api/v1/workspaces/default${url}`, { method: 'POST', headers, body: JSON.stringify(body) });
    const now = new Date().toISOString();
    const raised = await post('/alerts', {
      title: 'Beacon to a rare address',
      severity: 'high',
      events: [{ '@timestamp': now, host: { name: 'ws01' }, destination: { ip: '203.0.113.9' } }],
    });
    const alert = ((await raised.json()) as { created: { id: string; incidentId?: string }[] }).created[0];
    let incident = alert?.incidentId;
    if (incident === undefined) {
      const made = await post('/incidents', { title: 'C2 beacon', alertIds: [alert?.id] });
      incident = ((await made.json()) as { id: string }).id;
    }
    const suppression = await post('/alert-suppressions', {
      match: { 'host.name': 'lab-*' },
      durationMs: 3_600_000,
      reason: 'Lab hosts run attack simulations',
    });
    const hidden = await post('/alerts', {
      title: 'Simulation',
      events: [{ '@timestamp': now, host: { name: 'lab-07' } }],
    });
    return { alert: alert?.id, incident, suppression: suppression.status, hidden: hidden.status };
  });
  assert.equal(result.suppression, 201);
  assert.ok(result.hidden < 300, `hidden alert answered ${result.hidden}`);
  incidentId = result.incident ?? '';
  alertId = result.alert ?? '';
  assert.ok(incidentId !== '');
});

test('the SLA policy form names a mistake, then saves targets that persist', async () => {
  await page.goto(at('/settings/incident-sla?workspace=default'));
  await page.getByRole('heading', { level: 1, name: 'Incident SLA' }).waitFor();
  await page.getByLabel('high acknowledge minutes').fill('50');
  await page.getByLabel('high resolve minutes').fill('20');
  await page.getByRole('button', { name: 'Save SLA policy' }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: 'high resolve: must be at least the acknowledge target' })
    .waitFor();
  await page.getByLabel('high resolve minutes').fill('90');
  await page.getByLabel('low acknowledge minutes').fill('');
  await page.getByLabel('low resolve minutes').fill('');
  await page.getByRole('button', { name: 'Save SLA policy' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await page.reload();
  await page.getByLabel('high acknowledge minutes').waitFor();
  assert.equal(await page.getByLabel('high acknowledge minutes').inputValue(), '50');
  assert.equal(await page.getByLabel('high resolve minutes').inputValue(), '90');
  assert.equal(await page.getByLabel('low acknowledge minutes').inputValue(), '');
});

test('the incident page suggests links from its alert, links one and shows it on the timeline', async () => {
  await page.goto(at(`/incidents/${encodeURIComponent(incidentId)}?workspace=default`));
  const suggestions = page.getByRole('list', { name: 'Suggested links' });
  await suggestions.locator('li[data-suggestion="indicator:ip:203.0.113.9"]').waitFor();
  await suggestions.getByRole('button', { name: 'Link indicator ip 203.0.113.9' }).click();
  const links = page.getByRole('table', { name: 'Linked indicators and assets' });
  await links.locator('tr[data-relationship="indicator:ip:203.0.113.9"]').waitFor();
  assert.equal(await suggestions.locator('li[data-suggestion="indicator:ip:203.0.113.9"]').count(), 0);
  await page
    .getByRole('table', { name: 'Incident timeline' })
    .getByText('indicator ip 203.0.113.9')
    .first()
    .waitFor();

  const form = page.getByRole('form', { name: 'Link an indicator or asset' });
  await form.getByLabel('Type').selectOption('domain');
  await form.getByLabel('Value').fill('Evil.Example.');
  await form.getByRole('button', { name: 'Link' }).click();
  await links.locator('tr[data-relationship="indicator:domain:evil.example"]').waitFor();
});

test('the alert page links an asset suggested from its own entities', async () => {
  await page.goto(at(`/alerts/${encodeURIComponent(alertId)}?workspace=default`));
  const suggestions = page.getByRole('list', { name: 'Suggested links' });
  await suggestions.getByRole('button', { name: 'Link asset host ws01' }).click();
  await page
    .getByRole('table', { name: 'Linked indicators and assets' })
    .locator('tr[data-relationship="asset:host:ws01"]')
    .waitFor();
  await page.goto(at(`/incidents/${encodeURIComponent(incidentId)}?workspace=default`));
  await page.getByRole('form', { name: 'Add a comment' }).waitFor();
});

test('a comment mentioning a non-member says who was not notified', async () => {
  const form = page.getByRole('form', { name: 'Add a comment' });
  await form.getByLabel('Comment', { exact: true }).fill('@ghost please check the proxy logs');
  await form.getByRole('button', { name: 'Add comment' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: 'Not notified (no member of this workspace): @ghost' })
    .waitFor();
});

test('the alert queue lists suppressed hits with the suppression reason and values', async () => {
  await page.goto(at('/alerts?workspace=default'));
  await page.getByRole('heading', { name: 'Suppressed and excepted hits' }).waitFor();
  const recent = page.getByRole('table', { name: 'Latest suppressed hits' });
  const row = recent.locator('tbody tr[data-kind="suppressed"]').first();
  await row.waitFor();
  const text = (await row.textContent()) ?? '';
  assert.match(text, /Lab hosts run attack simulations/);
  assert.match(text, /host\.name = lab-\*/);
  const counts = page.getByRole('table', { name: 'Suppressed hits per rule' });
  assert.equal(await counts.locator('tbody tr').count(), 1);
});

test('a rule page sets the alert dedup fields and window, kept after a reload', async () => {
  const ruleId = '5d2b1c1e-0000-4000-8000-00000000f011';
  const imported = await page.evaluate(async (id) => {
    const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
    const res = await fetch('/api/v1/workspaces/default/rules/import?path=rules/brute.yml', {
      method: 'POST',
      headers: { 'content-type': 'application/yaml', 'x-csrf-token': me.csrfToken },
      body: [
        'title: Many failed logons',
        `id: ${id}`,
        'status: test',
        'level: medium',
        'logsource:',
        '  category: authentication',
        'detection:',
        '  selection:',
        '    event.outcome: failure',
        '  condition: selection',
        '',
      ].join('\n'),
    });
    return res.status;
  }, ruleId);
  assert.equal(imported, 200);
  await page.goto(at(`/detection/rules/${ruleId}?workspace=default`));
  const form = page.getByRole('form', { name: 'Alert deduplication' });
  await form.getByLabel('Group by fields').waitFor();
  assert.equal(await form.getByLabel('Group by fields').inputValue(), 'host.name, user.name');
  await form.getByLabel('Group by fields').fill('source.ip');
  await form.getByLabel('Window (minutes)').fill('10');
  await form.getByRole('button', { name: 'Save deduplication' }).click();
  await form.getByRole('button', { name: 'Back to the defaults' }).waitFor();
  await page.reload();
  await form.getByLabel('Group by fields').waitFor();
  assert.equal(await form.getByLabel('Group by fields').inputValue(), 'source.ip');
  assert.equal(await form.getByLabel('Window (minutes)').inputValue(), '10');
});

test('no console errors, unexpected failed requests or CSP violations were reported', async () => {
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(problems, []);
});
