import { SeverityBadge } from '../alerts/severity-badge.tsx';
import type { TopRow } from './parse-overview.ts';

/** Top rules or entities of the period: alerts raised, detections folded in, highest severity. */
export function TopTable({
  title,
  rows,
  nameHeader,
  empty = 'No alerts in the last 7 days.',
}: {
  readonly title: string;
  readonly rows: readonly TopRow[];
  readonly nameHeader: string;
  readonly empty?: string;
}) {
  const id = `top-${nameHeader.toLowerCase()}`;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{nameHeader}</th>
                <th scope="col">Alerts</th>
                <th scope="col">Detections</th>
                <th scope="col">Highest severity</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">
                    {r.kind !== undefined && <span className="muted">{r.kind} </span>}
                    <span className="break-all">{r.label}</span>
                    {r.manual && <span className="muted"> (raised by hand)</span>}
                  </th>
                  <td>{r.alerts}</td>
                  <td>{r.hits}</td>
                  <td>
                    <SeverityBadge severity={r.severity} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
