// End-to-end check of the web console against the real server: `vigil serve` on a fresh data dir,
// driven with playwright-core and Debian's Chromium.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { ensureWebBuilt } from '../../../scripts/ensure-web-built.ts';
import { stopVigilServer } from './testing/vigil-server.ts';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];
/** Enforced on top of whatever policy the server sends, so the console is always held to it. */
const STRICT_CSP = "default-src 'self'";
/** The workspaces API does not exist yet: the switcher's request is expected to fail. */
const WORKSPACES_PATH = '/api/v1/workspaces';

let server: ChildProcess | undefined;
let dataDir: string | undefined;
let browser: Browser | undefined;
let page: Page;
let baseUrl: string;
const problems: string[] = [];

before(async () => {
  await ensureWebBuilt();
  assert.ok(existsSync(chromiumPath), `Chromium is needed at ${chromiumPath} (apt-get install chromium)`);
  dataDir = mkdtempSync(join(tmpdir(), 'vigil-web-test-'));
  ({ server, url: baseUrl } = await startServer(dataDir));
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  page = await openWatchedPage(browser);
});

after(async () => {
  await browser?.close();
  if (server) await stopVigilServer(server);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('the status page shows storage ok, bus ok, the version and the mode', async () => {
  const versionResponse = await fetch(new URL('/api/v1/version', baseUrl));
  const expected = (await versionResponse.json()) as { version: string; mode: string };
  const workspacesAnswered = page.waitForResponse((r) => new URL(r.url()).pathname === WORKSPACES_PATH);

  await page.goto(baseUrl);
  await page.getByRole('heading', { level: 1, name: 'Status' }).waitFor();
  await checkState(page, 'storage').waitFor();
  await checkState(page, 'bus').waitFor();
  assert.equal(await page.locator('dt:text-is("Version") + dd').textContent(), expected.version);
  assert.equal(await page.locator('dt:text-is("Mode") + dd').textContent(), expected.mode);
  assert.match((await page.getByRole('status').textContent()) ?? '', /running and ready/);
  assert.match((await page.locator('.refresh-note').textContent()) ?? '', /Last refreshed at/);
  assert.equal(await page.getByRole('alert').count(), 0, 'no "server unreachable" banner');
  assert.equal(await currentNavLink(page), 'Status');
  assert.equal(await page.title(), 'Status · Vigil');

  // The switcher's request has been answered (401/404 today) and nothing was rendered for it.
  await workspacesAnswered;
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  assert.equal(await page.locator('.workspace-switcher').count(), 0);
  assert.equal(await page.getByLabel('Workspace').count(), 0);
});

test('the side navigation routes client-side and moves aria-current', async () => {
  await page.evaluate(() => Object.assign(window, { vigilNoReload: true }));
  const nav = page.getByRole('navigation', { name: 'Main' });

  await nav.getByRole('link', { name: 'Playbooks' }).click();
  await page.waitForURL(new URL('/playbooks', baseUrl).href);
  await page.getByRole('heading', { level: 1, name: 'Playbooks' }).waitFor();
  await page.getByText('Not available yet').waitFor();
  assert.equal(await currentNavLink(page), 'Playbooks');

  await nav.getByRole('link', { name: 'Status' }).click();
  await page.waitForURL(new URL('/status', baseUrl).href);
  await checkState(page, 'storage').waitFor();
  assert.equal(await currentNavLink(page), 'Status');

  await page.goBack();
  await page.waitForURL(new URL('/playbooks', baseUrl).href);
  await page.getByRole('heading', { level: 1, name: 'Playbooks' }).waitFor();
  assert.equal(await currentNavLink(page), 'Playbooks');
  assert.equal(await page.evaluate(() => 'vigilNoReload' in window), true, 'navigation reloaded the page');
});

test('a deep link to an area is served by the SPA fallback', async () => {
  await page.goto(new URL('/threat-intel', baseUrl).href);
  await page.getByRole('heading', { level: 1, name: 'Threat intel' }).waitFor();
  assert.equal(await currentNavLink(page), 'Threat intel');
  await page.goto(new URL('/no-such-page', baseUrl).href);
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  assert.equal(await currentNavLink(page), null);
});

test('no console errors, failed requests or CSP violations were reported', async () => {
  const violations = await page.evaluate(
    () => (window as { vigilCspViolations?: string[] }).vigilCspViolations,
  );
  assert.deepEqual(violations ?? [], []);
  assert.deepEqual(problems, []);
});

function checkState(p: Page, check: string): Locator {
  return p
    .getByRole('row')
    .filter({ has: p.getByRole('rowheader', { name: check, exact: true }) })
    .getByText('OK', { exact: true });
}

async function currentNavLink(p: Page): Promise<string | null> {
  const current = p.getByRole('navigation', { name: 'Main' }).locator('a[aria-current="page"]');
  const count = await current.count();
  return count === 0 ? null : await current.textContent();
}

/** A page that records console errors, uncaught errors, failed requests and CSP violations in `problems`. */
async function openWatchedPage(b: Browser): Promise<Page> {
  const context = await b.newContext();
  await context.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    const headers = response.headers();
    const serverPolicy = headers['content-security-policy'];
    headers['content-security-policy'] = serverPolicy ? `${serverPolicy}, ${STRICT_CSP}` : STRICT_CSP;
    return route.fulfill({ response, headers });
  });
  await context.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { vigilCspViolations: seen });
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  const p = await context.newPage();
  p.setDefaultTimeout(15_000);
  const isWorkspaces = (url: string) => url !== '' && new URL(url).pathname === WORKSPACES_PATH;
  p.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium logs every failed fetch, including the switcher's expected 401/404.
    if (message.text().startsWith('Failed to load resource') && isWorkspaces(message.location().url)) return;
    problems.push(`console error: ${message.text()}`);
  });
  p.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  p.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  p.on('response', (response) => {
    if (response.status() >= 400 && !isWorkspaces(response.url())) {
      problems.push(`HTTP ${response.status()} for ${response.url()}`);
    }
  });
  return p;
}

/** Starts `vigil serve` on a free port; resolves with the URL it prints. */
function startServer(dir: string): Promise<{ server: ChildProcess; url: string }> {
  // Only this test's settings: a developer's VIGIL_* variables must not redirect it.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VIGIL_')));
  // Syslog listeners are not under test here; keep 5514/6514 free for suites that run at the same time.
  Object.assign(env, {
    VIGIL_SYSLOG_UDP_ENABLED: 'false',
    VIGIL_SYSLOG_TCP_ENABLED: 'false',
    VIGIL_SYSLOG_TLS_ENABLED: 'false',
  });
  const child = spawn(
    process.execPath,
    ['apps/cli/bin/vigil.mjs', 'serve', '--port', '0', '--data-dir', dir],
    { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('did not report its URL within 30 s'), 30_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`vigil serve ${why}. Output:\n${output}`));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Vigil is running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      child.stdout?.resume();
      resolve({ server: child, url: match[1] });
    };
    const onExit = (code: number | null, signal: string | null) => fail(`exited early (${code ?? signal})`);
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', onExit);
    child.on('error', (error) => fail(`could not start: ${error.message}`));
  });
}
