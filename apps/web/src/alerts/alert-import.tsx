import { useId, useState, type FormEvent } from 'react';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { redirectIfSignedOut } from '../auth/redirect-if-signed-out.ts';
import { Link } from '../routing/link.tsx';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { importAlerts, type AlertImportResult } from './alert-import-api.ts';
import { previewAlertImport, type AlertImportPreview } from './alert-import-preview.ts';
import { alertPath } from './case-links.ts';
import { parseImportProblems } from './parse-import-problems.ts';

interface Chosen {
  readonly name: string;
  readonly text: string;
  readonly preview: AlertImportPreview;
}

function ImportProblems({ error }: { readonly error: ApiError }) {
  const problems = parseImportProblems(error.details);
  if (problems.length === 0) return <ErrorBanner error={error} />;
  return (
    <div role="alert">
      <p className="inline-error">Nothing was imported: fix these problems and import the file again.</p>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Import problems</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Field</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i}>
                <td>{p.row ?? 'File'}</td>
                <td>{p.field ?? '—'}</td>
                <td>{p.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ImportForm({
  workspaceId,
  onClose,
}: {
  readonly workspaceId: string;
  readonly onClose: (imported: boolean) => void;
}) {
  const headingId = useId();
  const fileId = useId();
  const [chosen, setChosen] = useState<Chosen | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<AlertImportResult | undefined>();
  const choose = async (file: File | undefined) => {
    setError(null);
    setResult(undefined);
    if (file === undefined) {
      setChosen(undefined);
      return;
    }
    const text = await file.text();
    setChosen({ name: file.name, text, preview: previewAlertImport(file.name, text) });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen === undefined || !chosen.preview.ok) return;
    setBusy(true);
    setError(null);
    importAlerts(workspaceId, chosen.preview.format, chosen.text)
      .then(setResult, (e: unknown) => {
        const err = asApiError(e);
        if (!redirectIfSignedOut(err)) setError(err);
      })
      .finally(() => setBusy(false));
  };
  const preview = chosen?.preview;
  return (
    <form className="card" aria-labelledby={headingId} onSubmit={submit}>
      <h3 id={headingId}>Import alerts</h3>
      <p className="muted">
        A JSON array of alerts (or {'{"alerts": […]}'}) or CSV with a header row (title, severity, tags…). All
        or nothing: one bad row and nothing is imported.
      </p>
      <div className="field">
        <label htmlFor={fileId}>Alert file (JSON or CSV)</label>
        <input
          id={fileId}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </div>
      {preview !== undefined &&
        (preview.ok ? (
          <p role="status">
            {preview.count} {preview.count === 1 ? 'alert' : 'alerts'} in this {preview.format.toUpperCase()}{' '}
            file.
          </p>
        ) : (
          <p role="alert" className="inline-error">
            {chosen?.name}: {preview.reason}
          </p>
        ))}
      {error !== null && <ImportProblems error={error} />}
      {result !== undefined && (
        <div role="status">
          <p>
            Imported: {result.created.length} new {result.created.length === 1 ? 'alert' : 'alerts'}
            {result.updated.length > 0 && `, ${result.updated.length} folded into existing alerts`}.
          </p>
          <ul aria-label="Imported alerts">
            {result.created.map((a) => (
              <li key={a.id}>
                <Link href={alertPath(workspaceId, a.id)}>{a.title}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="form-actions">
        {result === undefined && (
          <button type="submit" className="button button-primary" disabled={busy || preview?.ok !== true}>
            {preview?.ok === true
              ? `Import ${preview.count} ${preview.count === 1 ? 'alert' : 'alerts'}`
              : 'Import'}
          </button>
        )}
        <button type="button" className="button" onClick={() => onClose(result !== undefined)}>
          {result === undefined ? 'Cancel' : 'Close'}
        </button>
      </div>
    </form>
  );
}

/** The alert queue's import: choose a JSON or CSV file, see how many alerts it holds, import, see the outcome. */
export function AlertImport({
  workspaceId,
  onImported,
}: {
  readonly workspaceId: string;
  readonly onImported: () => void;
}) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <p>
        <button type="button" className="button" onClick={() => setOpen(true)}>
          Import alerts
        </button>
      </p>
    );
  return (
    <ImportForm
      workspaceId={workspaceId}
      onClose={(imported) => {
        setOpen(false);
        if (imported) onImported();
      }}
    />
  );
}
