// The start-up every console browser suite shares: a built console, a real `vigil serve` on a fresh data
// dir, an owner account and Debian's headless Chromium (Node side, not bundled).
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureWebBuilt } from '../../../../scripts/ensure-web-built.ts';
import { registerTestSecret } from './register-test-secret.ts';
import { startVigilServer, stopVigilServer } from './vigil-server.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export interface ConsoleServer {
  server: ChildProcess;
  dataDir: string;
  /** The one-time set-up link the server printed (its hash carries the set-up token). */
  setupLink: string;
  /** The console's origin, ending in `/`. */
  baseUrl: string;
  /** Absolute URL of a path on this server. */
  at: (path: string) => string;
}

/**
 * Builds the console if needed, checks that Chromium is installed (before anything is started, so a
 * missing browser fails fast), then starts `vigil serve` on a new temporary data dir.
 */
export async function startConsoleServer(
  dirPrefix: string,
  extraEnv: Record<string, string> = {},
): Promise<ConsoleServer> {
  await ensureWebBuilt();
  assert.ok(existsSync(CHROMIUM_PATH), `Chromium is needed at ${CHROMIUM_PATH} (apt-get install chromium)`);
  const dataDir = mkdtempSync(join(tmpdir(), dirPrefix));
  try {
    const { server, setupLink } = await startVigilServer(dataDir, extraEnv);
    const baseUrl = new URL('/', setupLink).href;
    return { server, dataDir, setupLink, baseUrl, at: (path) => new URL(path, baseUrl).href };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** The set-up token of the server's one-time link. */
export function setupToken(vigil: ConsoleServer): string | null {
  return new URLSearchParams(new URL(vigil.setupLink).hash.slice(1)).get('token');
}

/** Finishes the one-time set-up through the API, creating the owner account. */
export async function createOwner(vigil: ConsoleServer, username: string, password: string): Promise<void> {
  // The set-up token is left out on purpose: the server prints it (the one-time link) by design.
  registerTestSecret('password', password);
  const setup = await fetch(vigil.at('/api/v1/setup'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: setupToken(vigil), username, password }),
  });
  assert.ok(setup.ok, `setup answered ${setup.status}: ${await setup.text()}`);
}

/**
 * Opens `path` signed out, which must send the page to the login form with `next` set, signs in there and
 * waits until the console is back on `path`.
 */
export async function signInVia(
  page: Page,
  baseUrl: string,
  path: string,
  username: string,
  password: string,
): Promise<void> {
  const at = (target: string) => new URL(target, baseUrl).href;
  registerTestSecret('password', password);
  await page.goto(at(path));
  await page.waitForURL(at(`/login?next=${encodeURIComponent(path)}`));
  await page.getByRole('heading', { level: 1, name: 'Sign in to Vigil' }).waitFor();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(at(path));
  for (const cookie of await page.context().cookies()) registerTestSecret('session cookie', cookie.value);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
}

/** Closes the browser, stops the server and removes its data dir; each part may be missing. */
export async function stopConsoleSuite(
  browser: Browser | undefined,
  vigil: ConsoleServer | undefined,
): Promise<void> {
  await browser?.close();
  if (!vigil) return;
  try {
    await stopVigilServer(vigil.server);
  } finally {
    rmSync(vigil.dataDir, { recursive: true, force: true });
  }
}
