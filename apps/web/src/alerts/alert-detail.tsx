import { useLoad } from '../admin/use-load.ts';
import { Link } from '../routing/link.tsx';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { ActivityList } from './activity-list.tsx';
import { AlertEditForm } from './alert-edit-form.tsx';
import { AlertFacts } from './alert-facts.tsx';
import { getAlert } from './alerts-api.ts';
import { AttackList } from './attack-list.tsx';
import { alertPath } from './case-links.ts';
import { DetailSection } from './detail-section.tsx';
import { EntitiesTable } from './entities-table.tsx';
import { InvestigationSections } from '../investigation/investigation-sections.tsx';
import { AttachmentsSection } from '../incidents/attachments-section.tsx';
import { RelationshipsSection } from '../incidents/relationships-section.tsx';
import { SuppressSimilar } from './suppress-similar.tsx';

/** One alert: fields, entities, ATT&CK, linked events, activity, and its triage form. */
export function AlertDetail({
  workspaceId,
  alertId,
  canWrite,
}: {
  readonly workspaceId: string;
  readonly alertId: string;
  readonly canWrite: boolean;
}) {
  const { state, reload } = useLoad(alertId, (signal) => getAlert(workspaceId, alertId, signal));
  return (
    <>
      <p>
        <Link href={alertPath(workspaceId)}>← Back to the alert queue</Link>
      </p>
      {state.status === 'loading' && <p role="status">Loading the alert…</p>}
      {state.status === 'failed' && <ErrorBanner error={state.error} />}
      {state.status === 'ready' && (
        <>
          <h2 className="case-title">{state.data.title}</h2>
          <DetailSection title="Fields">
            <AlertFacts workspaceId={workspaceId} alert={state.data} />
          </DetailSection>
          {canWrite && (
            <AlertEditForm
              key={state.data.version}
              workspaceId={workspaceId}
              alert={state.data}
              onSaved={reload}
            />
          )}
          {canWrite && (
            <SuppressSimilar workspaceId={workspaceId} alertId={alertId} ruleId={state.data.ruleId} />
          )}
          <DetailSection title="Entities">
            <EntitiesTable entities={state.data.entities} />
          </DetailSection>
          <DetailSection title="ATT&CK">
            <AttackList tactics={state.data.tactics} techniques={state.data.techniques} />
          </DetailSection>
          <DetailSection title="Linked events">
            {state.data.eventIds.length === 0 ? (
              <p className="muted">No linked events.</p>
            ) : (
              <ul className="code-list" aria-label="Linked event ids">
                {state.data.eventIds.map((id) => (
                  <li key={id}>
                    <code>{id}</code>
                  </li>
                ))}
              </ul>
            )}
          </DetailSection>
          <RelationshipsSection
            workspaceId={workspaceId}
            owner={{ kind: 'alerts', id: alertId }}
            canWrite={canWrite}
            onChanged={reload}
          />
          <InvestigationSections workspaceId={workspaceId} subject={{ kind: 'alerts', id: alertId }} />
          <AttachmentsSection
            workspaceId={workspaceId}
            owner={{ kind: 'alerts', id: alertId }}
            canWrite={canWrite}
            onChanged={reload}
          />
          <DetailSection title="Activity">
            <ActivityList entries={state.data.activity} caption="Alert activity" />
          </DetailSection>
        </>
      )}
    </>
  );
}
