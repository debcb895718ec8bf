import { isVigilError, operationalError, type VigilError } from '@vigil/core';
import { redactUrl } from '@vigil/config';

/** The innermost useful reason of an error chain, one line, without credentials. */
export function rootReason(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 4; depth++) {
    const message = (current.message.split('\n')[0] ?? '').trim();
    // Adapters often wrap a driver error; keep both when the outer one does not already say it.
    if (message !== '' && !parts.some((p) => p.includes(message))) parts.push(message);
    current = current.cause;
  }
  if (parts.length === 0) parts.push(String(error));
  return parts.join(': ').replace(/[a-z][a-z0-9+.-]*:\/\/[^\s,;()'"]+/gi, (url) => redactUrl(url));
}

/** `host:port/database` of a connection URL, for messages (never the credentials). */
export function urlTarget(url: string): string {
  if (url.includes(','))
    return url
      .split(',')
      .map((part) => urlTarget(part.trim()))
      .join(',');
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return 'unparsable URL';
  }
}

/**
 * Runs a start-up step and turns any failure into one operational error saying what failed, where,
 * and why: `cannot connect to PostgreSQL (db:5432/vigil): connect ECONNREFUSED 127.0.0.1:5432`.
 */
export async function describeFailure<T>(what: string, where: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (cause) {
    const code = isVigilError(cause) ? cause.code : 'STARTUP_FAILED';
    const error: VigilError = operationalError(code, `${what} (${where}): ${rootReason(cause)}`, { cause });
    throw error;
  }
}
