import { label } from '../alerts/cases-labels.ts';
import { incidentPath } from '../alerts/case-links.ts';
import { EntityKeys } from '../alerts/entity-keys.tsx';
import { EpochTime } from '../alerts/epoch-time.tsx';
import { SeverityBadge } from '../alerts/severity-badge.tsx';
import { Link } from '../routing/link.tsx';
import type { IncidentView } from './parse-incident.ts';

/** Incidents with their severity, state, stage, owner and size. */
export function IncidentTable({
  workspaceId,
  incidents,
}: {
  readonly workspaceId: string;
  readonly incidents: readonly IncidentView[];
}) {
  if (incidents.length === 0) return <p className="muted">No incidents match these filters.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table incident-table">
        <caption className="visually-hidden">Incidents</caption>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
            <th scope="col">IR stage</th>
            <th scope="col">Owner</th>
            <th scope="col">Alerts</th>
            <th scope="col">Entities</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((i) => (
            <tr key={i.id} data-incident-id={i.id}>
              <td>
                <SeverityBadge severity={i.severity} />
              </td>
              <th scope="row">
                <Link href={incidentPath(workspaceId, i.id)}>{i.title}</Link>
              </th>
              <td>{label(i.status)}</td>
              <td>{label(i.stage)}</td>
              <td>{i.owner ?? <span className="muted">Unassigned</span>}</td>
              <td>{i.alertIds.length}</td>
              <td>
                <EntityKeys keys={i.entityKeys} />
              </td>
              <td>
                <EpochTime ms={i.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
