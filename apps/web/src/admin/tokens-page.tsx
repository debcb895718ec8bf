import { PermissionGate } from './permission-gate.tsx';
import { TokenSection } from './token-section.tsx';
import { WorkspaceScope } from './workspace-scope.tsx';

/** `/settings/tokens`: API keys and ingest tokens of the workspace in view. */
export function TokensPage() {
  return (
    <WorkspaceScope>
      {(workspaceId) => (
        <PermissionGate
          key={workspaceId}
          workspaceId={workspaceId}
          what="Managing API keys and ingest tokens"
          permissions={['tokens.manage']}
        >
          {() => (
            <>
              <TokenSection workspaceId={workspaceId} kind="api_key" />
              <TokenSection workspaceId={workspaceId} kind="ingest" />
            </>
          )}
        </PermissionGate>
      )}
    </WorkspaceScope>
  );
}
