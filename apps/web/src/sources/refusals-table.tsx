import { formatBytes, refusalReasonText, type RefusalRow, type SourceRefusalRow } from './sources-api.ts';

/**
 * Syslog messages refused before they reached a source: per listener and reason, server-wide; then
 * those of this workspace's revoked or expired tokens, by the source they used to feed.
 */
export function RefusalsTable({
  rows,
  bySource,
}: {
  readonly rows: readonly RefusalRow[];
  readonly bySource: readonly SourceRefusalRow[];
}) {
  return (
    <section aria-labelledby="refusals-title">
      <h2 id="refusals-title">Refused syslog messages</h2>
      <p className="muted">
        Messages without a valid ingest token or registered client certificate are refused and not stored.
        They belong to no workspace yet, so these counts are the server&apos;s, since it started.
      </p>
      {rows.length === 0 ? (
        <p className="muted" role="status">
          No syslog message has been refused.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table refusals-table">
            <caption className="visually-hidden">Refused syslog messages per listener and reason</caption>
            <thead>
              <tr>
                <th scope="col">Listener</th>
                <th scope="col">Reason</th>
                <th scope="col">Refused</th>
                <th scope="col">Bytes</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.listener}\u0000${r.reason}`} data-testid="refusal-row" data-reason={r.reason}>
                  <th scope="row" className="cell">
                    {r.listener.toUpperCase()}
                  </th>
                  <td className="cell">
                    {refusalReasonText(r.reason)} <code>{r.reason}</code>
                  </td>
                  <td className="cell numeric">{r.count}</td>
                  <td className="cell numeric">{formatBytes(r.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {bySource.length > 0 && (
        <div className="table-scroll">
          <table className="data-table refusals-table">
            <caption>Of these, messages with a revoked or expired ingest token of this workspace</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Reason</th>
                <th scope="col">Refused</th>
                <th scope="col">Bytes</th>
              </tr>
            </thead>
            <tbody>
              {bySource.map((r) => (
                <tr key={`${r.source}\u0000${r.listener}\u0000${r.reason}`} data-testid="source-refusal-row">
                  <th scope="row" className="cell">
                    {r.source}
                  </th>
                  <td className="cell">
                    {refusalReasonText(r.reason)} <code>{r.reason}</code>
                  </td>
                  <td className="cell numeric">{r.count}</td>
                  <td className="cell numeric">{formatBytes(r.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
