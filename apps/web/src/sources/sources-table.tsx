import { DateTime } from '../admin/date-time.tsx';
import { formatBytes, formatLag, type SourceRow } from './sources-api.ts';

/** One row per source: what arrived, what parsed, what was kept with an error, lost or refused. */
export function SourcesTable({ rows }: { readonly rows: readonly SourceRow[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table sources-table">
        <caption className="visually-hidden">Ingest counters per source</caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Data space</th>
            <th scope="col">Received</th>
            <th scope="col">Parsed</th>
            <th scope="col">Parse errors</th>
            <th scope="col">Dropped</th>
            <th scope="col">Refused (retry)</th>
            <th scope="col">Bytes</th>
            <th scope="col">Lag (mean / max)</th>
            <th scope="col">Last record</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.dataSpace}\u0000${r.source}`} data-testid="source-row">
              <th scope="row" className="cell">
                {r.source}
              </th>
              <td className="cell">{r.dataSpace}</td>
              <td className="cell numeric">{r.received}</td>
              <td className="cell numeric">{r.parsed}</td>
              <td className="cell numeric">{r.failed}</td>
              <td className="cell numeric">{r.dropped}</td>
              <td className="cell numeric">{r.rejected}</td>
              <td className="cell numeric">{formatBytes(r.bytes)}</td>
              <td className="cell numeric">
                {formatLag(r.lagMs)} / {formatLag(r.lagMaxMs)}
              </td>
              <td className="cell">
                <DateTime iso={r.lastReceivedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
