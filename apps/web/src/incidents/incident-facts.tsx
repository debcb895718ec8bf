import { label } from '../alerts/cases-labels.ts';
import { EntityKeys } from '../alerts/entity-keys.tsx';
import { EpochTime } from '../alerts/epoch-time.tsx';
import { SeverityBadge } from '../alerts/severity-badge.tsx';
import type { IncidentDetailView } from './parse-incident.ts';
import { SlaBadge } from './sla-badge.tsx';

/** The fields of one incident, its SLA state and due dates. */
export function IncidentFacts({ detail }: { readonly detail: IncidentDetailView }) {
  const i = detail.incident;
  return (
    <dl className="facts" aria-label="Incident fields">
      <dt>Severity</dt>
      <dd>
        <SeverityBadge severity={i.severity} />
      </dd>
      <dt>Status</dt>
      <dd data-testid="incident-status">
        {label(i.status)}
        {i.closeReason === undefined
          ? ''
          : ` (${label(i.closeReason)}${i.closeComment ? `: ${i.closeComment}` : ''})`}
      </dd>
      <dt>IR stage</dt>
      <dd>{label(i.stage)}</dd>
      <dt>Owner</dt>
      <dd>{i.owner ?? 'Unassigned'}</dd>
      <dt>Acknowledge SLA</dt>
      <dd data-testid="sla-acknowledge">
        <SlaBadge state={detail.sla.acknowledge} /> due <EpochTime ms={i.acknowledgeDueAt} />
      </dd>
      <dt>Resolve SLA</dt>
      <dd data-testid="sla-resolve">
        <SlaBadge state={detail.sla.resolve} /> due <EpochTime ms={i.resolveDueAt} />
      </dd>
      <dt>Planned closure</dt>
      <dd>
        <EpochTime ms={i.plannedClosureAt} />
      </dd>
      <dt>Entities</dt>
      <dd>
        <EntityKeys keys={i.entityKeys} max={20} />
      </dd>
      <dt>First / last seen</dt>
      <dd>
        <EpochTime ms={i.firstSeenAt} /> – <EpochTime ms={i.lastSeenAt} />
      </dd>
      <dt>Created</dt>
      <dd>
        <EpochTime ms={i.createdAt} />
      </dd>
      {i.labels.length > 0 && (
        <>
          <dt>Labels</dt>
          <dd>{i.labels.join(', ')}</dd>
        </>
      )}
      {i.mergedInto !== undefined && (
        <>
          <dt>Merged into</dt>
          <dd>{i.mergedInto}</dd>
        </>
      )}
      {i.splitFrom !== undefined && (
        <>
          <dt>Split from</dt>
          <dd>{i.splitFrom}</dd>
        </>
      )}
      {i.description !== undefined && (
        <>
          <dt>Description</dt>
          <dd>{i.description}</dd>
        </>
      )}
    </dl>
  );
}
