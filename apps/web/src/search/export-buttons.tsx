import { useState } from 'react';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { redirectIfSignedOut } from '../auth/redirect-if-signed-out.ts';
import { downloadExport, type ExportFormat } from './download-export.ts';
import type { SearchInput } from './search-api.ts';

/** Exports every result of the last search (not only the page shown) as CSV or NDJSON. */
export function ExportButtons({
  workspaceId,
  input,
}: {
  readonly workspaceId: string;
  readonly input: SearchInput;
}) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function run(format: ExportFormat) {
    setBusy(format);
    setError(null);
    try {
      await downloadExport(workspaceId, input, format);
    } catch (e) {
      const err = asApiError(e);
      if (!redirectIfSignedOut(err)) setError(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="export-buttons" role="group" aria-label="Export results">
      <button type="button" className="button" disabled={busy !== null} onClick={() => void run('csv')}>
        {busy === 'csv' ? 'Exporting CSV…' : 'Export CSV'}
      </button>
      <button type="button" className="button" disabled={busy !== null} onClick={() => void run('ndjson')}>
        {busy === 'ndjson' ? 'Exporting NDJSON…' : 'Export NDJSON'}
      </button>
      {error && (
        <span role="alert" className="inline-error">
          Export failed: {error.message}
        </span>
      )}
    </div>
  );
}
