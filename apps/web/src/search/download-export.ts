// `POST …/events/export` answers a streamed file. The request needs the CSRF header, so a plain link or
// form cannot make it: the answer is read into a Blob and saved through a temporary object URL.
import { apiFetch } from '../api/api-client.ts';
import { saveResponse } from '../api/save-response.ts';
import type { SearchInput } from './search-api.ts';

export type ExportFormat = 'csv' | 'ndjson';

export async function downloadExport(
  workspaceId: string,
  input: SearchInput,
  format: ExportFormat,
): Promise<void> {
  const response = await apiFetch(
    'POST',
    `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/events/export`,
    { ...input, format },
    { timeoutMs: 10 * 60_000 },
  );
  await saveResponse(response, `events.${format}`);
}
