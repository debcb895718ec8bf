import { ChecksTable } from './checks-table.tsx';
import { ClockTime } from './clock-time.tsx';
import type { HealthView, Overall } from './health-view.ts';
import { ServerFacts } from './server-facts.tsx';
import { UnreachableBanner } from './unreachable-banner.tsx';
import { useHealth } from './use-health.ts';

const REFRESH_MS = 10_000;

const SUMMARIES: Readonly<Record<Overall, string>> = {
  ready: 'The server is running and ready.',
  not_ready: 'The server is running but not ready: see the failing checks below.',
  unreachable: 'The server cannot be reached.',
  unknown: 'The server answered, but its readiness could not be determined.',
};

export function StatusPage() {
  const { view, refreshedAt, lastContactAt, refreshing, refresh } = useHealth(REFRESH_MS);
  return (
    <>
      <div className="page-header">
        <h1>Status</h1>
        <button type="button" className="button" onClick={refresh} aria-busy={refreshing}>
          Refresh now
        </button>
      </div>
      {view?.overall === 'unreachable' && <UnreachableBanner lastContactAt={lastContactAt} />}
      <p className="summary" role="status">
        {view ? SUMMARIES[view.overall] : 'Checking the server…'}
      </p>
      {view && <ServerFacts view={view} />}
      <section className="card" aria-labelledby="checks-heading">
        <h2 id="checks-heading">Readiness checks</h2>
        <ChecksTable checks={view?.checks ?? []} emptyText={checksEmptyText(view)} />
      </section>
      <p className="muted refresh-note">
        {refreshedAt ? (
          <>
            Last refreshed at <ClockTime at={refreshedAt} />.
          </>
        ) : (
          'Not refreshed yet.'
        )}{' '}
        Refreshes every {REFRESH_MS / 1000} seconds.
      </p>
    </>
  );
}

function checksEmptyText(view: HealthView | null): string {
  if (!view) return 'Waiting for the first answer…';
  return view.overall === 'unreachable'
    ? 'No answer from the server.'
    : 'The server reported no readiness checks.';
}
