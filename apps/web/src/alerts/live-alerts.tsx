import { useId, useState } from 'react';
import { Link } from '../routing/link.tsx';
import { SEVERITIES, label } from './cases-labels.ts';
import { alertPath } from './case-links.ts';
import { SeverityBadge } from './severity-badge.tsx';
import { useAlertStream } from './use-alert-stream.ts';

/** The notification centre: new alerts at or above a chosen severity, live, with a count badge. */
export function LiveAlerts({
  workspaceId,
  onNew,
}: {
  readonly workspaceId: string;
  readonly onNew: () => void;
}) {
  const headingId = useId();
  const severityId = useId();
  const [minSeverity, setMinSeverity] = useState('low');
  const { alerts, connected, clear } = useAlertStream(workspaceId, minSeverity);
  return (
    <section className="card live-alerts" aria-labelledby={headingId}>
      <h2 id={headingId}>
        New alerts{' '}
        <span className="badge badge-count" data-testid="new-alert-count">
          {alerts.length}
        </span>
        <span className="visually-hidden"> since this page opened</span>
      </h2>
      <div className="case-filters">
        <div className="field">
          <label htmlFor={severityId}>Notify from severity</label>
          <select id={severityId} value={minSeverity} onChange={(e) => setMinSeverity(e.target.value)}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {label(s)}
              </option>
            ))}
          </select>
        </div>
        <p className="muted" role="status">
          {connected ? 'Live: listening for new alerts.' : 'Connecting to the live stream…'}
        </p>
      </div>
      {alerts.length > 0 && (
        <>
          <ul className="live-alert-list" aria-label="New alerts">
            {alerts.map((a) => (
              <li key={a.id}>
                <SeverityBadge severity={a.severity} />{' '}
                <Link href={alertPath(workspaceId, a.id)}>{a.title}</Link>
              </li>
            ))}
          </ul>
          <div className="form-actions">
            <button type="button" className="button" onClick={onNew}>
              Refresh the queue
            </button>
            <button type="button" className="button" onClick={clear}>
              Clear notifications
            </button>
          </div>
        </>
      )}
    </section>
  );
}
