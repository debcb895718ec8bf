// Calls the API from inside a signed-in console page, so requests carry its session cookie (Node side).
import type { Page } from 'playwright-core';
import { registerCredentialFields } from './register-test-secret.ts';

/** One API call with the page's session and CSRF token; the body is parsed JSON (undefined when empty). */
export function pageApi(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  registerCredentialFields(body);
  const result = page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
    },
    { method, path, body },
  );
  // Whatever the server issued (API keys, TOTP seeds, recovery codes) joins the run-wide secret scan.
  return result.then((r) => {
    registerCredentialFields(r.body);
    return r;
  });
}
