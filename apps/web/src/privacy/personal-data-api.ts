// The signed-in account's own personal data: view, correct, export (a JSON download), delete.
import { apiFetch, apiJson } from '../api/api-client.ts';
import { saveResponse } from '../api/save-response.ts';
import { parsePersonalData, type PersonalDataSummary } from './parse-privacy.ts';

export async function fetchPersonalData(signal?: AbortSignal): Promise<PersonalDataSummary> {
  return parsePersonalData(
    await apiJson('GET', '/api/v1/me/personal-data', undefined, signal ? { signal } : {}),
  );
}

/** `null` removes the field. */
export async function correctProfile(changes: {
  displayName: string | null;
  email: string | null;
}): Promise<void> {
  await apiJson('PATCH', '/api/v1/me', changes);
}

/** Saves the export through a temporary object URL (the request needs the session cookie only). */
export async function downloadPersonalData(): Promise<void> {
  const response = await apiFetch('GET', '/api/v1/me/personal-data/export');
  await saveResponse(response, 'vigil-personal-data.json');
}

export async function deleteOwnAccount(password: string): Promise<void> {
  await apiJson('POST', '/api/v1/me/delete', { password, confirm: 'DELETE' });
}
