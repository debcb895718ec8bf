import { EpochTime } from '../alerts/epoch-time.tsx';
import type { ProvenanceView } from './parse-incident.ts';

/** Why each alert belongs to the incident: the grouping rule, the shared entity, who and when. */
export function ProvenanceTable({
  provenance,
  titleOf,
}: {
  readonly provenance: readonly ProvenanceView[];
  readonly titleOf: (alertId: string) => string;
}) {
  if (provenance.length === 0) return <p className="muted">No grouping recorded.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Grouping provenance</caption>
        <thead>
          <tr>
            <th scope="col">Alert</th>
            <th scope="col">Kind</th>
            <th scope="col">Reason</th>
            <th scope="col">By</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {provenance.map((p, i) => (
            <tr key={i} data-provenance={p.kind}>
              <td>{titleOf(p.alertId)}</td>
              <td>{p.kind}</td>
              <td>{p.reason}</td>
              <td>{p.actor}</td>
              <td>
                <EpochTime ms={p.at} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
