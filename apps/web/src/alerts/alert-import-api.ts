// The alert import route (POST …/alerts/import): JSON as JSON, CSV as text/csv; all or nothing.
import { ApiError, errorFromResponse } from '../api/api-error.ts';
import { csrfToken } from '../api/csrf-token.ts';
import { obj, strs } from '../admin/parse.ts';
import { alertsBase } from './alerts-api.ts';
import { parseAlerts, type AlertView } from './parse-alert.ts';

export interface AlertImportResult {
  readonly created: readonly AlertView[];
  /** Ids of existing alerts that imported items folded into (same dedup key). */
  readonly updated: readonly string[];
}

/** Sends the file's text as it is; a refusal is thrown as ApiError with `details.problems`. */
export async function importAlerts(
  workspaceId: string,
  format: 'json' | 'csv',
  text: string,
): Promise<AlertImportResult> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': format === 'csv' ? 'text/csv' : 'application/json',
  };
  const token = csrfToken();
  if (token !== undefined) headers['x-csrf-token'] = token;
  let response: Response;
  try {
    response = await fetch(`${alertsBase(workspaceId)}/import`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: text,
      signal: AbortSignal.timeout(120_000),
    });
  } catch {
    throw new ApiError('UNREACHABLE', 'The server could not be reached. Try again in a moment.', 0);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw errorFromResponse(response.status, body);
  return { created: parseAlerts(obj(body)['created']), updated: strs(obj(body)['updated']) };
}
