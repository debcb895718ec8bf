import { incidentPath } from '../alerts/case-links.ts';
import { SeverityBadge } from '../alerts/severity-badge.tsx';
import { Link } from '../routing/link.tsx';
import { formatDuration } from './format-duration.ts';
import { SEVERITIES, type OverviewView } from './parse-overview.ts';
import { severityLabel } from './severity-label.ts';

/** Open alerts and incidents, SLA breaches and response times; the breach list only for one workspace. */
export function IncidentsPanel({
  view,
  workspaceId,
}: {
  readonly view: OverviewView;
  /** Set for a workspace's own view: breaches link to their incidents. */
  readonly workspaceId: string | undefined;
}) {
  return (
    <section className="card" aria-labelledby="overview-open-title">
      <h2 id="overview-open-title">Open alerts, incidents and SLA</h2>
      <dl className="facts overview-facts">
        <dt>Open alerts</dt>
        <dd data-testid="open-alerts">
          {view.openAlertsTotal}{' '}
          <span className="muted">
            (
            {SEVERITIES.filter((s) => view.openAlerts[s] > 0)
              .map((s) => `${view.openAlerts[s]} ${severityLabel(s).toLowerCase()}`)
              .join(', ') || 'none'}
            )
          </span>
        </dd>
        <dt>Open incidents</dt>
        <dd data-testid="open-incidents">{view.openIncidents}</dd>
        <dt>SLA breaches not yet met</dt>
        <dd data-testid="sla-outstanding">{view.slaOutstanding}</dd>
        <dt>SLA breaches in the last 7 days</dt>
        <dd>{view.slaInPeriod}</dd>
        <dt>Mean time to acknowledge</dt>
        <dd>{formatDuration(view.mttaMs)}</dd>
        <dt>Mean time to resolve</dt>
        <dd>{formatDuration(view.mttrMs)}</dd>
      </dl>
      {workspaceId !== undefined && view.slaBreaches.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>Most overdue SLA breaches</caption>
            <thead>
              <tr>
                <th scope="col">Incident</th>
                <th scope="col">Severity</th>
                <th scope="col">Target</th>
                <th scope="col">Overdue by</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {view.slaBreaches.map((b) => (
                <tr key={`${b.incidentId} ${b.kind}`}>
                  <th scope="row">
                    <Link href={incidentPath(workspaceId, b.incidentId)}>{b.title}</Link>
                  </th>
                  <td>
                    <SeverityBadge severity={b.severity} />
                  </td>
                  <td>{b.kind === 'acknowledge' ? 'Acknowledge' : 'Resolve'}</td>
                  <td>{formatDuration(b.overdueMs)}</td>
                  <td>{b.outstanding ? 'Still open' : 'Met late'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
