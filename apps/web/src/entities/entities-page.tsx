import { CasesScope } from '../alerts/cases-scope.tsx';
import { useLocationPath } from '../routing/location-store.ts';
import { normalisePath } from '../routing/match-route.ts';
import { EntityDetail } from './entity-detail.tsx';
import '../alerts/cases.css';
import '../investigation/investigation.css';

const kindTitles: Readonly<Record<string, string>> = { host: 'Host', user: 'User', ip: 'IP address' };

/** `/entities/:kind/:value`: one host, user or IP of the workspace in view. */
export function EntitiesPage() {
  const path = normalisePath(useLocationPath());
  const [kind, value] = path
    .slice('/entities/'.length)
    .split('/')
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  return (
    <>
      <div className="page-header">
        <h1>{kindTitles[kind ?? ''] ?? 'Entity'}</h1>
      </div>
      {kind === undefined || value === undefined || value === '' ? (
        <p>Open an entity from an alert, an incident or its graph: this address names no entity.</p>
      ) : (
        <CasesScope what="Reading entities" read="incidents.read" write="incidents.write">
          {(workspaceId) => (
            <EntityDetail
              key={`${workspaceId} ${kind} ${value}`}
              workspaceId={workspaceId}
              kind={kind}
              value={value}
            />
          )}
        </CasesScope>
      )}
    </>
  );
}
