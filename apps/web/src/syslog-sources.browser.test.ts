// End-to-end check of the syslog part of the Data sources page against a real `vigil serve` with its
// UDP and TCP syslog listeners on free ports: a client-certificate source is registered from a pasted
// PEM (fingerprint shown before and after), a CA registration of a non-CA certificate is refused with
// its field named, the source is deleted after confirmation, the sender examples carry the bound ports,
// and token-less syslog messages show up as refusals on the page.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
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
const OWNER_PASSWORD = 'Syslog-Owner-Pass-7';
const SOURCES = '/api/v1/workspaces/default/syslog-sources';
const EXPECTED_REFUSALS = new Set(['GET /api/v1/workspaces 401', `POST ${SOURCES} 400`]);

let vigil: ConsoleServer | undefined;
let browser: Browser | undefined;
let page: Page;
let ports: { udp: number; tcp: number };
let pem: string;
let fingerprint: string;
const problems: string[] = [];

/** A port nobody listens on now (TCP and UDP checked), for the server's syslog listeners. */
async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(0, '127.0.0.1', () => {
        const { port: p } = probe.address() as { port: number };
        probe.close(() => resolve(p));
      });
    });
    const udpFree = await new Promise<boolean>((resolve) => {
      const socket = createSocket('udp4');
      socket.once('error', () => resolve(false));
      socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
    });
    if (udpFree) return port;
  }
}

before(async () => {
  ports = { udp: await freePort(), tcp: await freePort() };
  vigil = await startConsoleServer('vigil-web-syslog-', {
    VIGIL_SYSLOG_UDP_ENABLED: 'true',
    VIGIL_SYSLOG_UDP_PORT: String(ports.udp),
    VIGIL_SYSLOG_TCP_ENABLED: 'true',
    VIGIL_SYSLOG_TCP_PORT: String(ports.tcp),
  });
  const cert = join(vigil.dataDir, 'sender.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2'].concat([
      '-subj',
      '/CN=fw1.example.org',
      // openssl req -x509 marks certificates CA:TRUE by default; a sender's certificate is not a CA.
      '-addext',
      'basicConstraints=critical,CA:FALSE',
      '-keyout',
      join(vigil.dataDir, 'sender-key.pem'),
      '-out',
      cert,
    ]),
    { stdio: 'ignore' },
  );
  pem = readFileSync(cert, 'utf8');
  fingerprint = new X509Certificate(pem).fingerprint256;
  await createOwner(vigil, OWNER, OWNER_PASSWORD);
  browser = await launchChromium();
  page = await openWatchedPage(browser, { expectedRefusals: EXPECTED_REFUSALS, problems });
});

after(() => stopConsoleSuite(browser, vigil));

test('the page explains token senders with the bound listener ports', async () => {
  await signInVia(page, vigil!.baseUrl, '/data-sources', OWNER, OWNER_PASSWORD);
  await page.getByRole('heading', { level: 2, name: 'Syslog sources' }).waitFor();
  const listeners = page.getByRole('list', { name: 'Syslog listeners' });
  await listeners.getByText(`UDP port ${ports.udp}: listening`).waitFor();
  await listeners.getByText(`TCP port ${ports.tcp}: listening`).waitFor();
  const udpExample = (await page.locator('[data-example="logger-udp"] pre').textContent()) ?? '';
  assert.match(udpExample, new RegExp(`--server 127\\.0\\.0\\.1 --port ${ports.udp} --udp --rfc5424`));
  assert.match(udpExample, /--sd-id vigil@32473 --sd-param 'token="vigil_it_…"'/);
  assert.match(
    (await page.locator('[data-example="rsyslog-tcp"] pre').textContent()) ?? '',
    new RegExp(`target="127\\.0\\.0\\.1" port="${ports.tcp}"`),
  );
  const tokensLink = page.getByRole('link', { name: 'API keys & ingest tokens' });
  assert.equal(await tokensLink.getAttribute('href'), '/settings/tokens?workspace=default');
  await page.getByText('No syslog source is registered by certificate in this workspace.').waitFor();
});

test('a non-CA certificate registered as a CA is refused with the field named', async () => {
  await page.getByText('Register a certificate source').click();
  await page.getByLabel('Name', { exact: true }).fill('fw1');
  await page.getByLabel('Every certificate a CA issued').check();
  await page.getByLabel('CA certificate (PEM)').fill(pem);
  await page.getByRole('button', { name: 'Register source' }).click();
  const error = page.locator('[data-field="certificate"]');
  await error.waitFor();
  assert.match((await error.textContent()) ?? '', /^Certificate: .*not a CA certificate/);
  assert.equal(await page.getByLabel('CA certificate (PEM)').getAttribute('aria-invalid'), 'true');
});

test('a client certificate is registered from its PEM and listed with its fingerprint', async () => {
  await page.getByLabel('One client certificate (pinned by its fingerprint)').check();
  const certificate = page.getByLabel('Client certificate (PEM) or its SHA-256 fingerprint');
  await certificate.fill(pem);
  await page.getByTestId('fingerprint-preview').getByText(fingerprint).waitFor();
  await page.getByRole('button', { name: 'Register source' }).click();
  const row = page.locator('tr[data-syslog-source="fw1"]');
  await row.waitFor();
  assert.equal(await row.getByTestId('fingerprint').textContent(), fingerprint);
  assert.match((await row.textContent()) ?? '', /syslog-tls:fw1.*Client certificate.*default/);
  await page
    .getByRole('status')
    .filter({ hasText: `Registered “fw1”: fingerprint ${fingerprint}` })
    .waitFor();
  assert.equal(await certificate.inputValue(), '');
});

test('the source is deleted only after confirmation', async () => {
  const row = page.locator('tr[data-syslog-source="fw1"]');
  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.getByRole('button', { name: 'Delete fw1' }).click();
  await page.waitForTimeout(300);
  assert.equal(await row.count(), 1, 'dismissing the confirmation keeps the source');
  page.once('dialog', (dialog) => {
    assert.match(dialog.message(), /Delete the syslog source "fw1"/);
    void dialog.accept();
  });
  await page.getByRole('button', { name: 'Delete fw1' }).click();
  await page.getByText('No syslog source is registered by certificate in this workspace.').waitFor();
  const listed = await page.evaluate(
    async (url) => ((await (await fetch(url)).json()) as { sources: unknown[] }).sources.length,
    SOURCES,
  );
  assert.equal(listed, 0);
});

test('token-less syslog messages over TCP and UDP show as refusals on the page', async () => {
  await page.getByText('No syslog message has been refused.').waitFor();
  await new Promise<void>((resolve, reject) => {
    const socket = connect(ports.tcp, '127.0.0.1', () => {
      socket.end(
        '<13>1 2026-01-01T00:00:00Z h app - - - no token one\n<13>1 2026-01-01T00:00:00Z h app - - - no token two\n',
      );
    });
    socket.on('error', reject);
    socket.on('close', () => resolve());
  });
  await new Promise<void>((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.send('<13>1 2026-01-01T00:00:00Z h app - - - udp no token', ports.udp, '127.0.0.1', (err) => {
      socket.close();
      if (err) reject(err);
      else resolve();
    });
  });
  const refreshed = async (listener: string, count: string) => {
    for (let i = 0; i < 50; i++) {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.getByRole('button', { name: 'Refresh' }).waitFor();
      const row = page.locator('tr[data-testid="refusal-row"][data-reason="unauthenticated"]', {
        hasText: listener,
      });
      if ((await row.count()) === 1 && (await row.locator('td.numeric').first().textContent()) === count)
        return row;
      await page.waitForTimeout(200);
    }
    assert.fail(`no ${count} unauthenticated refusal(s) on ${listener}`);
  };
  const tcp = await refreshed('TCP', '2');
  assert.match((await tcp.textContent()) ?? '', /No ingest token and no registered client certificate/);
  await refreshed('UDP', '1');
});

test('messages with a revoked ingest token are counted against its source', async () => {
  const token = await page.evaluate(async () => {
    const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
    const headers = { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken };
    const created = (await (
      await fetch('/api/v1/workspaces/default/ingest-tokens', {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'old-relay', dataSpace: 'default' }),
      })
    ).json()) as { id: string; token: string };
    const revoked = await fetch(`/api/v1/workspaces/default/ingest-tokens/${created.id}`, {
      method: 'DELETE',
      headers: { 'x-csrf-token': me.csrfToken },
    });
    if (!revoked.ok) throw new Error(`revoke answered ${revoked.status}`);
    return created.token;
  });
  await new Promise<void>((resolve, reject) => {
    const socket = connect(ports.tcp, '127.0.0.1', () => {
      socket.end(`${token} <13>Jan  1 00:00:00 h app: revoked token\n`);
    });
    socket.on('error', reject);
    socket.on('close', () => resolve());
  });
  const row = page.getByTestId('source-refusal-row');
  for (let i = 0; i < 50 && (await row.count()) === 0; i++) {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.waitForTimeout(200);
  }
  assert.match((await row.textContent()) ?? '', /^syslog-tcp:old-relay.*revoked.*invalid_token1/);
});

test('no console errors, unexpected failed requests or CSP violations were reported', async () => {
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(problems, []);
});
