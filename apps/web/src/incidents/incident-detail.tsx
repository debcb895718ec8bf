import { useLoad } from '../admin/use-load.ts';
import { ActivityList } from '../alerts/activity-list.tsx';
import { AlertTable } from '../alerts/alert-table.tsx';
import { incidentPath } from '../alerts/case-links.ts';
import { DetailSection } from '../alerts/detail-section.tsx';
import { Link } from '../routing/link.tsx';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { AttachmentsSection } from './attachments-section.tsx';
import { CommentForm } from './comment-form.tsx';
import { CommentList } from './comment-list.tsx';
import { IncidentEditForm } from './incident-edit-form.tsx';
import { IncidentFacts } from './incident-facts.tsx';
import { getIncident } from './incidents-api.ts';
import { KillChainTable } from './kill-chain-table.tsx';
import { ProvenanceTable } from './provenance-table.tsx';
import { RelationshipsSection } from './relationships-section.tsx';
import { InvestigationSections } from '../investigation/investigation-sections.tsx';

const none: ReadonlySet<string> = new Set();
const ignore = () => undefined;

/**
 * One incident: fields and SLA, handling form, alerts, grouping provenance, kill chain, attachments,
 * timeline, comments.
 */
export function IncidentDetail({
  workspaceId,
  incidentId,
  canWrite,
}: {
  readonly workspaceId: string;
  readonly incidentId: string;
  readonly canWrite: boolean;
}) {
  const { state, reload } = useLoad(incidentId, (signal) => getIncident(workspaceId, incidentId, signal));
  return (
    <>
      <p>
        <Link href={incidentPath(workspaceId)}>← Back to the incidents</Link>
      </p>
      {state.status === 'loading' && <p role="status">Loading the incident…</p>}
      {state.status === 'failed' && <ErrorBanner error={state.error} />}
      {state.status === 'ready' && (
        <>
          <h2 className="case-title">{state.data.incident.title}</h2>
          <DetailSection title="Fields and SLA">
            <IncidentFacts detail={state.data} />
          </DetailSection>
          {canWrite && (
            <IncidentEditForm
              key={state.data.incident.version}
              workspaceId={workspaceId}
              incident={state.data.incident}
              onSaved={reload}
            />
          )}
          <DetailSection title={`Alerts (${state.data.alerts.length})`}>
            <AlertTable
              workspaceId={workspaceId}
              alerts={state.data.alerts}
              selected={none}
              selectable={false}
              onToggle={ignore}
              onToggleAll={ignore}
            />
          </DetailSection>
          <DetailSection title="Why these alerts are grouped">
            <ProvenanceTable
              provenance={state.data.incident.provenance}
              titleOf={(id) => state.data.alerts.find((a) => a.id === id)?.title ?? id}
            />
          </DetailSection>
          <DetailSection title="Kill chain">
            <KillChainTable workspaceId={workspaceId} killChain={state.data.killChain} />
          </DetailSection>
          <RelationshipsSection
            workspaceId={workspaceId}
            owner={{ kind: 'incidents', id: incidentId }}
            canWrite={canWrite}
            onChanged={reload}
          />
          <InvestigationSections workspaceId={workspaceId} subject={{ kind: 'incidents', id: incidentId }} />
          <AttachmentsSection
            workspaceId={workspaceId}
            owner={{ kind: 'incidents', id: incidentId }}
            canWrite={canWrite}
            onChanged={reload}
          />
          <DetailSection title="Timeline">
            <ActivityList entries={state.data.timeline} caption="Incident timeline" />
          </DetailSection>
          <DetailSection title="Comments">
            <CommentList timeline={state.data.timeline} />
            {canWrite && <CommentForm workspaceId={workspaceId} incidentId={incidentId} onAdded={reload} />}
          </DetailSection>
        </>
      )}
    </>
  );
}
