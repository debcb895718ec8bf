import { CasesScope } from '../alerts/cases-scope.tsx';
import { useLocationPath } from '../routing/location-store.ts';
import { normalisePath } from '../routing/match-route.ts';
import { IncidentDetail } from './incident-detail.tsx';
import { IncidentList } from './incident-list.tsx';
import '../alerts/cases.css';

/** `/incidents` (the list) and `/incidents/:incidentId` (one incident) of the workspace in view. */
export function IncidentsPage() {
  const path = normalisePath(useLocationPath());
  const incidentId = path.startsWith('/incidents/')
    ? decodeURIComponent(path.slice('/incidents/'.length))
    : undefined;
  return (
    <>
      <div className="page-header">
        <h1>{incidentId === undefined ? 'Incidents' : 'Incident'}</h1>
      </div>
      <CasesScope what="Reading incidents" read="incidents.read" write="incidents.write">
        {(workspaceId, canWrite) =>
          incidentId === undefined ? (
            <IncidentList key={workspaceId} workspaceId={workspaceId} />
          ) : (
            <IncidentDetail
              key={`${workspaceId} ${incidentId}`}
              workspaceId={workspaceId}
              incidentId={incidentId}
              canWrite={canWrite}
            />
          )
        }
      </CasesScope>
    </>
  );
}
