import { DateTime } from '../admin/date-time.tsx';
import { useAction } from '../admin/use-action.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { displayFingerprint } from './certificate-fingerprint.ts';
import { deleteSyslogSource, type SyslogSourceView } from './syslog-sources-api.ts';

/** Registered certificate sources; deleting one refuses its certificate from then on. */
export function SyslogSourcesTable({
  workspaceId,
  sources,
  canWrite,
  onDeleted,
}: {
  readonly workspaceId: string;
  readonly sources: readonly SyslogSourceView[];
  readonly canWrite: boolean;
  readonly onDeleted: () => void;
}) {
  const { busy, error, run } = useAction();
  if (sources.length === 0) {
    return <p className="muted">No syslog source is registered by certificate in this workspace.</p>;
  }
  return (
    <>
      <ErrorBanner error={error} />
      <div className="table-scroll">
        <table className="data-table syslog-sources-table">
          <caption className="visually-hidden">Syslog sources registered by certificate</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">SHA-256 fingerprint</th>
              <th scope="col">Data space</th>
              <th scope="col">Created</th>
              {canWrite && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.id} data-syslog-source={s.name}>
                <th scope="row" className="cell">
                  {s.name}
                  <div className="muted">{s.source}</div>
                </th>
                <td className="cell">
                  {s.match === 'issuer' ? 'CA (every certificate it issued)' : 'Client certificate'}
                  {s.subject !== undefined && <div className="muted">{s.subject}</div>}
                </td>
                <td className="cell">
                  <code className="fingerprint" data-testid="fingerprint">
                    {displayFingerprint(s.fingerprint)}
                  </code>
                </td>
                <td className="cell">{s.dataSpace}</td>
                <td className="cell">
                  <DateTime iso={s.createdAt} />
                </td>
                {canWrite && (
                  <td className="cell">
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      aria-label={`Delete ${s.name}`}
                      onClick={() => {
                        if (
                          !window.confirm(
                            `Delete the syslog source "${s.name}"? Senders using its certificate are refused from then on.`,
                          )
                        )
                          return;
                        void run(() => deleteSyslogSource(workspaceId, s.id)).then((ok) => ok && onDeleted());
                      }}
                    >
                      Delete
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
