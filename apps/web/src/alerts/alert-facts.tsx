import { Link } from '../routing/link.tsx';
import { label } from './cases-labels.ts';
import { incidentPath } from './case-links.ts';
import { EpochTime } from './epoch-time.tsx';
import type { AlertView } from './parse-alert.ts';
import { SeverityBadge } from './severity-badge.tsx';

/** The fields of one alert as a description list. */
export function AlertFacts({
  workspaceId,
  alert,
}: {
  readonly workspaceId: string;
  readonly alert: AlertView;
}) {
  const closed =
    alert.closeReason === undefined
      ? undefined
      : `${label(alert.closeReason)}${alert.closeComment === undefined ? '' : `: ${alert.closeComment}`}`;
  return (
    <dl className="facts" aria-label="Alert fields">
      <dt>Severity</dt>
      <dd>
        <SeverityBadge severity={alert.severity} />
      </dd>
      <dt>Status</dt>
      <dd data-testid="alert-status">{label(alert.status)}</dd>
      {closed !== undefined && (
        <>
          <dt>Close reason</dt>
          <dd>{closed}</dd>
        </>
      )}
      <dt>Verification</dt>
      <dd>{label(alert.verification)}</dd>
      <dt>Owner</dt>
      <dd>{alert.owner ?? 'Unassigned'}</dd>
      <dt>Rule</dt>
      <dd>
        <code>{alert.ruleId}</code>
        {alert.ruleVersion === undefined ? '' : ` (version ${alert.ruleVersion})`}
      </dd>
      <dt>Category</dt>
      <dd>{alert.category ?? '—'}</dd>
      <dt>Confidence</dt>
      <dd>{alert.confidence ?? '—'}</dd>
      <dt>Data source</dt>
      <dd>{alert.dataSource ?? '—'}</dd>
      <dt>Count</dt>
      <dd>{alert.count}</dd>
      <dt>First seen</dt>
      <dd>
        <EpochTime ms={alert.firstSeenAt} />
      </dd>
      <dt>Last seen</dt>
      <dd>
        <EpochTime ms={alert.lastSeenAt} />
      </dd>
      <dt>Labels</dt>
      <dd>{alert.labels.length === 0 ? '—' : alert.labels.join(', ')}</dd>
      <dt>Incident</dt>
      <dd>
        {alert.incidentId === undefined ? (
          'None'
        ) : (
          <Link href={incidentPath(workspaceId, alert.incidentId)}>{alert.incidentId}</Link>
        )}
      </dd>
      {alert.description !== undefined && (
        <>
          <dt>Description</dt>
          <dd>{alert.description}</dd>
        </>
      )}
      {alert.remediation !== undefined && (
        <>
          <dt>Remediation</dt>
          <dd>{alert.remediation}</dd>
        </>
      )}
    </dl>
  );
}
