import { EpochTime } from '../alerts/epoch-time.tsx';
import { formatDuration } from './format-duration.ts';
import type { OverviewView } from './parse-overview.ts';

/** Ingest counters since the server started, and detection rules in use. */
export function IngestPanel({ view }: { readonly view: OverviewView }) {
  const { ingest, rules } = view;
  return (
    <section className="card" aria-labelledby="overview-ingest-title">
      <h2 id="overview-ingest-title">Ingest health and detection</h2>
      <dl className="facts overview-facts">
        <dt>Sources reporting</dt>
        <dd>{ingest.sources}</dd>
        <dt>Records received</dt>
        <dd data-testid="ingest-received">{ingest.received}</dd>
        <dt>Kept with a parse error</dt>
        <dd>{ingest.failed}</dd>
        <dt>Dropped</dt>
        <dd>{ingest.dropped}</dd>
        <dt>Refused for back-pressure (sender retries)</dt>
        <dd>{ingest.rejected}</dd>
        <dt>Last record received</dt>
        <dd>{ingest.lastReceivedAt === undefined ? 'Never' : <EpochTime ms={ingest.lastReceivedAt} />}</dd>
        <dt>Largest lag of the last batches</dt>
        <dd>{formatDuration(ingest.lagMaxMs)}</dd>
        <dt>Detection rules enabled</dt>
        <dd data-testid="rules-enabled">
          {rules.enabled} of {rules.total}
        </dd>
      </dl>
      <p className="muted">Counters are those of this server process since it started.</p>
    </section>
  );
}
