import { useState, type FormEvent } from 'react';
import { mayIn } from '../admin/access.ts';
import { PermissionGate } from '../admin/permission-gate.tsx';
import { useAction } from '../admin/use-action.ts';
import { useLoad } from '../admin/use-load.ts';
import { WorkspaceScope } from '../admin/workspace-scope.tsx';
import { DateTime } from '../admin/date-time.tsx';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { TextField } from '../shell/text-field.tsx';
import { createGrant, listGrants, revokeGrant } from './overview-api.ts';
import type { GrantView } from './parse-overview.ts';
import './overview.css';

/**
 * `/settings/cross-workspace`: administrators of the workspace in view grant a central workspace (a
 * SOC's) the aggregated overview of this one, and revoke it; grants received are listed too.
 */
export function CrossWorkspaceGrantsPage() {
  return (
    <WorkspaceScope>
      {(workspaceId) => (
        <PermissionGate
          key={workspaceId}
          workspaceId={workspaceId}
          what="Reading cross-workspace grants"
          permissions={['settings.read']}
        >
          {(access) => (
            <Grants workspaceId={workspaceId} canWrite={mayIn(access, workspaceId, 'settings.write')} />
          )}
        </PermissionGate>
      )}
    </WorkspaceScope>
  );
}

function Grants({ workspaceId, canWrite }: { readonly workspaceId: string; readonly canWrite: boolean }) {
  const { state, reload } = useLoad(workspaceId, (signal) => listGrants(workspaceId, signal));
  const action = useAction();
  const [central, setCentral] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => createGrant(workspaceId, central.trim()))) {
      setCentral('');
      reload();
    }
  };
  const revoke = async (g: GrantView) => {
    if (await action.run(() => revokeGrant(workspaceId, g.centralWorkspace))) reload();
  };

  if (state.status === 'loading') return <p role="status">Loading grants…</p>;
  if (state.status === 'failed') return <ErrorBanner error={state.error} />;
  const { given, received } = state.data;
  return (
    <>
      <section className="card" aria-labelledby="grants-given-title">
        <h2 id="grants-given-title">Shared with central workspaces</h2>
        <p className="muted">
          Members of a central workspace who may read its reports see this workspace’s aggregated overview:
          score, counts and trends — never events, alerts or incidents.
        </p>
        <ErrorBanner error={action.error} />
        {given.length === 0 ? (
          <p>This workspace shares its overview with no other workspace.</p>
        ) : (
          <GrantTable
            caption="Grants this workspace gave"
            who="Central workspace"
            grants={given}
            name={(g) => g.centralWorkspace}
            onRevoke={canWrite ? (g) => void revoke(g) : undefined}
            busy={action.busy}
          />
        )}
        {canWrite && (
          <form
            className="grant-form"
            aria-label="Grant the aggregated view"
            onSubmit={(e) => void submit(e)}
          >
            <TextField
              label="Central workspace id"
              value={central}
              onChange={setCentral}
              required
              maxLength={64}
              autoComplete="off"
            />
            <button type="submit" className="button button-primary" disabled={action.busy}>
              Grant aggregated view
            </button>
          </form>
        )}
      </section>
      <section className="card" aria-labelledby="grants-received-title">
        <h2 id="grants-received-title">Received from other workspaces</h2>
        {received.length === 0 ? (
          <p>No workspace shares its overview with this one.</p>
        ) : (
          <GrantTable
            caption="Grants this workspace received"
            who="Sharing workspace"
            grants={received}
            name={(g) => g.sourceWorkspace}
          />
        )}
      </section>
    </>
  );
}

function GrantTable({
  caption,
  who,
  grants,
  name,
  onRevoke,
  busy = false,
}: {
  readonly caption: string;
  readonly who: string;
  readonly grants: readonly GrantView[];
  readonly name: (g: GrantView) => string;
  readonly onRevoke?: ((g: GrantView) => void) | undefined;
  readonly busy?: boolean;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{who}</th>
            <th scope="col">Granted by</th>
            <th scope="col">Granted</th>
            {onRevoke && <th scope="col">Action</th>}
          </tr>
        </thead>
        <tbody>
          {grants.map((g) => (
            <tr key={name(g)}>
              <th scope="row">{name(g)}</th>
              <td>{g.grantedBy}</td>
              <td>
                <DateTime iso={g.grantedAt} />
              </td>
              {onRevoke && (
                <td>
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={() => onRevoke(g)}
                    aria-label={`Revoke the grant to ${name(g)}`}
                  >
                    Revoke
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
