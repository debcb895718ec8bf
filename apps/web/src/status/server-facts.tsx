import type { HealthView, Readiness } from './health-view.ts';
import { StateBadge } from './state-badge.tsx';

/** Liveness, readiness, version and mode of the server. */
export function ServerFacts({ view }: { readonly view: HealthView }) {
  return (
    <section className="card" aria-labelledby="server-heading">
      <h2 id="server-heading">Server</h2>
      <dl className="facts">
        <dt>Liveness</dt>
        <dd>
          <StateBadge state={view.liveness} />
        </dd>
        <dt>Readiness</dt>
        <dd>
          <ReadinessBadge readiness={view.readiness} />
        </dd>
        <dt>Version</dt>
        <dd>{view.version ?? 'Unknown'}</dd>
        <dt>Mode</dt>
        <dd>{view.mode ?? 'Unknown'}</dd>
      </dl>
    </section>
  );
}

function ReadinessBadge({ readiness }: { readonly readiness: Readiness }) {
  switch (readiness) {
    case 'ready':
      return <StateBadge state="ok" label="Ready" />;
    case 'not_ready':
      return <StateBadge state="error" label="Not ready" />;
    case 'unknown':
      return <StateBadge state="unknown" />;
  }
}
