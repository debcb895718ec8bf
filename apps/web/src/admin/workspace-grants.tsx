import { ErrorBanner } from '../shell/error-banner.tsx';
import { AuditTable } from '../audit/audit-table.tsx';
import { DateTime } from './date-time.tsx';
import { revokeWorkspaceGrant, statusAt, workspaceOperatorAccess } from './operator-access-api.ts';
import { useAction } from './use-action.ts';
import { useLoad } from './use-load.ts';

/** Operator-access grants to this workspace, newest first, and every use of them. */
export function WorkspaceGrants({
  workspaceId,
  canRevoke,
}: {
  readonly workspaceId: string;
  readonly canRevoke: boolean;
}) {
  const { state, reload } = useLoad(workspaceId, (signal) => workspaceOperatorAccess(workspaceId, signal));
  const { busy, error, run } = useAction();
  const now = Date.now();
  return (
    <>
      <section className="card" aria-labelledby="grants-heading">
        <h2 id="grants-heading">Grants to this workspace</h2>
        <p className="muted">
          Platform operators have no access to this workspace unless a security manager approves a request
          tied to your ticket. Access ends by itself; you can end it earlier.
        </p>
        <ErrorBanner error={error} />
        {state.status === 'loading' && <p role="status">Loading…</p>}
        {state.status === 'failed' && <ErrorBanner error={state.error} />}
        {state.status === 'ready' && state.data.grants.length === 0 && (
          <p>No operator has asked for access to this workspace.</p>
        )}
        {state.status === 'ready' && state.data.grants.length > 0 && (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">Operator-access grants</caption>
              <thead>
                <tr>
                  <th scope="col">Ticket</th>
                  <th scope="col">Operator</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Status</th>
                  <th scope="col">Requested</th>
                  <th scope="col">Expires</th>
                  {canRevoke && <th scope="col">Actions</th>}
                </tr>
              </thead>
              <tbody>
                {[...state.data.grants].reverse().map((g) => {
                  const status = statusAt(g, now);
                  return (
                    <tr key={g.id}>
                      <th scope="row">{g.ticket}</th>
                      <td>
                        <code>{g.operatorId}</code>
                      </td>
                      <td>{g.reason}</td>
                      <td>
                        {status}
                        {g.decisionNote !== undefined && <div className="muted small">{g.decisionNote}</div>}
                      </td>
                      <td>
                        <DateTime iso={g.requestedAt} />
                      </td>
                      <td>
                        <DateTime iso={g.expiresAt} />
                      </td>
                      {canRevoke && (
                        <td>
                          {status === 'approved' && (
                            <button
                              type="button"
                              className="button"
                              disabled={busy}
                              aria-label={`Revoke operator access for ticket ${g.ticket}`}
                              onClick={() =>
                                void run(() => revokeWorkspaceGrant(workspaceId, g.id)).then(
                                  (ok) => ok && reload(),
                                )
                              }
                            >
                              Revoke
                            </button>
                          )}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {state.status === 'ready' && (
        <section className="card" aria-labelledby="grant-log-heading">
          <h2 id="grant-log-heading">What operators did here</h2>
          {state.data.log.length === 0 ? (
            <p>No operator has used access to this workspace.</p>
          ) : (
            <AuditTable records={state.data.log} caption="Uses of operator access" />
          )}
        </section>
      )}
    </>
  );
}
