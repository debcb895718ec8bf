import { userError } from '../errors/vigil-error.ts';

/**
 * Parses an ISO-8601 time (or epoch milliseconds) into epoch ms.
 * Throws a user error naming `where` when the value is not a valid time.
 */
export function parseTime(value: string | number, where: string): number {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) {
    throw userError('INVALID_TIME', `${where}: ${JSON.stringify(value)} is not an ISO-8601 time`, {
      details: { field: where },
    });
  }
  return ms;
}
