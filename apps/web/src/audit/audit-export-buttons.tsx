import { useState } from 'react';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { redirectIfSignedOut } from '../auth/redirect-if-signed-out.ts';
import {
  downloadAuditExport,
  type AuditExportFormat,
  type AuditExportOrder,
  type AuditFilter,
} from './audit-api.ts';

/** Downloads the records the filters select, in the chosen order (the export itself is audited). */
export function AuditExportButtons({
  workspaceId,
  filter,
  onExported,
}: {
  readonly workspaceId: string;
  readonly filter: AuditFilter;
  readonly onExported: () => void;
}) {
  const [busy, setBusy] = useState<AuditExportFormat | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [order, setOrder] = useState<AuditExportOrder>('asc');

  async function run(format: AuditExportFormat) {
    setBusy(format);
    setError(null);
    try {
      await downloadAuditExport(workspaceId, format, filter, order);
      onExported();
    } catch (e) {
      const err = asApiError(e);
      if (!redirectIfSignedOut(err)) setError(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="export-buttons" role="group" aria-label="Export the filtered audit log">
      <label className="small">
        Order{' '}
        <select value={order} onChange={(e) => setOrder(e.target.value === 'desc' ? 'desc' : 'asc')}>
          <option value="asc">Oldest first</option>
          <option value="desc">Newest first</option>
        </select>
      </label>
      <button type="button" className="button" disabled={busy !== null} onClick={() => void run('json')}>
        {busy === 'json' ? 'Exporting JSON…' : 'Export JSON'}
      </button>
      <button type="button" className="button" disabled={busy !== null} onClick={() => void run('csv')}>
        {busy === 'csv' ? 'Exporting CSV…' : 'Export CSV'}
      </button>
      <span className="muted small">the records the filters above select</span>
      {error && (
        <span role="alert" className="inline-error">
          Export failed: {error.message}
        </span>
      )}
    </div>
  );
}
