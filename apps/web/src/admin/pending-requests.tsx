import { ErrorBanner } from '../shell/error-banner.tsx';
import { DateTime } from './date-time.tsx';
import { DecisionControls } from './decision-controls.tsx';
import { pendingRequests } from './operator-access-api.ts';
import { useLoad } from './use-load.ts';

/** The security manager's queue: requests of every workspace waiting for a decision (not one's own). */
export function PendingRequests() {
  const { state, reload } = useLoad('pending', (signal) => pendingRequests(signal));
  return (
    <section className="card" aria-labelledby="pending-heading">
      <h2 id="pending-heading">Requests waiting for a security manager</h2>
      {state.status === 'loading' && <p role="status">Loading…</p>}
      {state.status === 'failed' && <ErrorBanner error={state.error} />}
      {state.status === 'ready' && state.data.length === 0 && <p>No request is waiting.</p>}
      {state.status === 'ready' && state.data.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Pending operator-access requests</caption>
            <thead>
              <tr>
                <th scope="col">Workspace</th>
                <th scope="col">Ticket</th>
                <th scope="col">Operator</th>
                <th scope="col">Reason</th>
                <th scope="col">Duration</th>
                <th scope="col">Requested</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {state.data.map((g) => (
                <tr key={g.id}>
                  <td>
                    <code>{g.workspaceId}</code>
                  </td>
                  <th scope="row">{g.ticket}</th>
                  <td>
                    <code>{g.operatorId}</code>
                  </td>
                  <td>
                    {g.reason}
                    {g.permissions.length > 0 && (
                      <div className="muted small">{g.permissions.join(', ')}</div>
                    )}
                  </td>
                  <td>{g.durationMinutes === undefined ? '—' : `${g.durationMinutes} min`}</td>
                  <td>
                    <DateTime iso={g.requestedAt} />
                  </td>
                  <td>
                    <DecisionControls grantId={g.id} ticket={g.ticket} onDecided={reload} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
