import { useState } from 'react';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { redirectIfSignedOut } from '../auth/redirect-if-signed-out.ts';
import { downloadAuditExport, type AuditExportFormat } from './audit-api.ts';

/** Downloads the workspace's whole audit log (the export itself is audited). */
export function AuditExportButtons({
  workspaceId,
  onExported,
}: {
  readonly workspaceId: string;
  readonly onExported: () => void;
}) {
  const [busy, setBusy] = useState<AuditExportFormat | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function run(format: AuditExportFormat) {
    setBusy(format);
    setError(null);
    try {
      await downloadAuditExport(workspaceId, format);
      onExported();
    } catch (e) {
      const err = asApiError(e);
      if (!redirectIfSignedOut(err)) setError(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="export-buttons" role="group" aria-label="Export the whole audit log">
      <button type="button" className="button" disabled={busy !== null} onClick={() => void run('json')}>
        {busy === 'json' ? 'Exporting JSON…' : 'Export JSON'}
      </button>
      <button type="button" className="button" disabled={busy !== null} onClick={() => void run('csv')}>
        {busy === 'csv' ? 'Exporting CSV…' : 'Export CSV'}
      </button>
      <span className="muted small">the whole log, not only the filtered view</span>
      {error && (
        <span role="alert" className="inline-error">
          Export failed: {error.message}
        </span>
      )}
    </div>
  );
}
