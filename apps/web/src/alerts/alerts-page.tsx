import { useLocationPath } from '../routing/location-store.ts';
import { normalisePath } from '../routing/match-route.ts';
import { AlertDetail } from './alert-detail.tsx';
import { AlertQueue } from './alert-queue.tsx';
import { CasesScope } from './cases-scope.tsx';
import './cases.css';

/** `/alerts` (the queue) and `/alerts/:alertId` (one alert) of the workspace in view. */
export function AlertsPage() {
  const path = normalisePath(useLocationPath());
  const alertId = path.startsWith('/alerts/') ? decodeURIComponent(path.slice('/alerts/'.length)) : undefined;
  return (
    <>
      <div className="page-header">
        <h1>{alertId === undefined ? 'Alerts' : 'Alert'}</h1>
      </div>
      <CasesScope what="Reading alerts" read="alerts.read" write="alerts.write">
        {(workspaceId, canWrite) =>
          alertId === undefined ? (
            <AlertQueue key={workspaceId} workspaceId={workspaceId} canWrite={canWrite} />
          ) : (
            <AlertDetail
              key={`${workspaceId} ${alertId}`}
              workspaceId={workspaceId}
              alertId={alertId}
              canWrite={canWrite}
            />
          )
        }
      </CasesScope>
    </>
  );
}
