import { IncidentsPanel } from './incidents-panel.tsx';
import { IngestPanel } from './ingest-panel.tsx';
import type { OverviewView } from './parse-overview.ts';
import { ScorePanel } from './score-panel.tsx';
import { TopTable } from './top-table.tsx';
import { TrendChart } from './trend-chart.tsx';
import { WorkspaceRowsTable } from './workspace-rows-table.tsx';

/** The panels of an overview: the same for one workspace and for an aggregate (plus its rows). */
export function OverviewBody({
  view,
  workspaceId,
  aggregated,
}: {
  readonly view: OverviewView;
  readonly workspaceId: string;
  readonly aggregated: boolean;
}) {
  return (
    <div className="overview-grid">
      <ScorePanel view={view} aggregated={aggregated} />
      <section className="card overview-trend" aria-labelledby="overview-trend-title">
        <h2 id="overview-trend-title">Last 7 days</h2>
        <TrendChart trend={view.trend} />
      </section>
      <IncidentsPanel view={view} workspaceId={aggregated ? undefined : workspaceId} />
      <IngestPanel view={view} />
      <TopTable
        title="Top rules"
        nameHeader="Rule"
        rows={view.topRules}
        {...(aggregated
          ? { empty: 'No detection-rule alerts in the last 7 days (hand-made alerts are not shared).' }
          : {})}
      />
      {aggregated ? (
        <section className="card" aria-labelledby="top-entity">
          <h2 id="top-entity">Top entities</h2>
          <p className="muted">
            Not shared across workspaces: host and user names and addresses stay in their workspace.
          </p>
        </section>
      ) : (
        <TopTable title="Top entities" nameHeader="Entity" rows={view.topEntities} />
      )}
      {aggregated && <WorkspaceRowsTable rows={view.workspaces} />}
    </div>
  );
}
