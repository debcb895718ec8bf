import type { WorkspaceRowView } from './parse-overview.ts';

/** One count-only row per workspace of an aggregated view. */
export function WorkspaceRowsTable({ rows }: { readonly rows: readonly WorkspaceRowView[] }) {
  return (
    <section className="card" aria-labelledby="overview-workspaces-title">
      <h2 id="overview-workspaces-title">Workspaces included</h2>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Figures per workspace</caption>
          <thead>
            <tr>
              <th scope="col">Workspace</th>
              <th scope="col">Score</th>
              <th scope="col">Open alerts</th>
              <th scope="col">Open critical/high</th>
              <th scope="col">Open incidents</th>
              <th scope="col">SLA breaches not met</th>
              <th scope="col">Alerts, 7 days</th>
              <th scope="col">Records received</th>
              <th scope="col">Failed or dropped</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.workspace} data-workspace={r.workspace}>
                <th scope="row">{r.workspace}</th>
                <td>{r.score}</td>
                <td>{r.openAlerts}</td>
                <td>{r.openCriticalHigh}</td>
                <td>{r.openIncidents}</td>
                <td>{r.outstandingSlaBreaches}</td>
                <td>{r.alertsInPeriod}</td>
                <td>{r.ingestReceived}</td>
                <td>{r.ingestFailedOrDropped}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
