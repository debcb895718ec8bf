// A Chromium page for the console's browser tests that records every sign of trouble.
import type { Browser, Page } from 'playwright-core';

/** The policy the console must live with, enforced on top of whatever the server sends. */
export const STRICT_CSP = "default-src 'self'";

export interface WatchOptions {
  /** `METHOD /path STATUS` answers a test provokes on purpose; any other 4xx/5xx is a problem. */
  expectedRefusals: ReadonlySet<string>;
  /** Where console errors, uncaught errors, failed requests and unexpected refusals are collected. */
  problems: string[];
  /** Grants clipboard access for this origin (copy buttons). */
  clipboardOrigin?: string;
}

/**
 * Opens a page in a new context that records console errors, uncaught errors, unexpected refusals and
 * CSP violations (readable as `window.vigilCspViolations`).
 */
export async function openWatchedPage(b: Browser, options: WatchOptions): Promise<Page> {
  const { expectedRefusals, problems } = options;
  const context = await b.newContext({ acceptDownloads: true });
  if (options.clipboardOrigin)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: options.clipboardOrigin,
    });
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
  const expectedPaths = new Set([...expectedRefusals].map((e) => e.split(' ')[1]));
  p.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium logs every refused fetch; the expected ones are checked by status below.
    const url = message.location().url;
    if (
      message.text().startsWith('Failed to load resource') &&
      url !== '' &&
      expectedPaths.has(new URL(url).pathname)
    )
      return;
    problems.push(`console error: ${message.text()}`);
  });
  p.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  p.on('requestfailed', (request) => {
    // A full-page navigation away cancels the session probe of the page being left.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(
      `request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`,
    );
  });
  p.on('response', (response) => {
    const key = `${response.request().method()} ${new URL(response.url()).pathname} ${response.status()}`;
    if (response.status() >= 400 && !expectedRefusals.has(key)) problems.push(`unexpected answer: ${key}`);
  });
  return p;
}

/** The CSP violations a watched page has recorded so far (none when the page never loaded the console). */
export async function cspViolations(p: Page): Promise<string[]> {
  const seen = await p.evaluate(() => (window as { vigilCspViolations?: string[] }).vigilCspViolations);
  return seen ?? [];
}
