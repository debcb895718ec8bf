import { isVigilError, operationalError } from '@vigil/core';

/** `host:port` of a connection URL for messages and logs; user and password never appear. */
export function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
    return `${host}:${parsed.port || '5432'}`;
  } catch {
    return 'an unparsable PostgreSQL URL';
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
]);

/**
 * Is this a failure to reach or stay connected to the server (retry later) rather than a bad statement?
 * SQLSTATE classes 08 (connection) and 57P (shutdown), 53300 (too many connections), and socket errors.
 */
export function isConnectionError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code) || code.startsWith('08') || code.startsWith('57P') || code === '53300')
    return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return /connection terminated|timeout expired|connect ETIMEDOUT|Connection terminated/i.test(message);
}

/** Maps driver errors to Vigil's taxonomy: unreachable → STORE_UNAVAILABLE; anything else passes through. */
export function toStoreError(error: unknown, target: string): unknown {
  if (isVigilError(error) || !isConnectionError(error)) return error;
  return operationalError('STORE_UNAVAILABLE', `PostgreSQL at ${target} is unreachable`, {
    cause: error,
    retryAfterSeconds: 5,
    details: { target },
  });
}
