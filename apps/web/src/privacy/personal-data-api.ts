// The signed-in account's own personal data: view, correct, export (a JSON download), delete.
import { apiFetch, apiJson } from '../api/api-client.ts';
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
  const blob = await response.blob();
  const name = /filename="([^"]+)"/u.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = name ?? 'vigil-personal-data.json';
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

export async function deleteOwnAccount(password: string): Promise<void> {
  await apiJson('POST', '/api/v1/me/delete', { password, confirm: 'DELETE' });
}
