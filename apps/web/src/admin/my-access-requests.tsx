import { ErrorBanner } from '../shell/error-banner.tsx';
import { AccessRequestForm } from './access-request-form.tsx';
import { DateTime } from './date-time.tsx';
import { myRequests, statusAt } from './operator-access-api.ts';
import { useLoad } from './use-load.ts';

/** A platform operator's side: ask for access (owner's ticket), and follow one's requests and their status. */
export function MyAccessRequests() {
  const { state, reload } = useLoad('mine', (signal) => myRequests(signal));
  const now = Date.now();
  return (
    <section className="card" aria-labelledby="my-requests-heading">
      <h2 id="my-requests-heading">Your access requests</h2>
      <p className="muted">
        Access to a workspace needs the owner&apos;s ticket and the approval of a security manager; it ends by
        itself after the duration, and the owner sees every use.
      </p>
      <AccessRequestForm onRequested={reload} />
      {state.status === 'loading' && <p role="status">Loading…</p>}
      {state.status === 'failed' && <ErrorBanner error={state.error} />}
      {state.status === 'ready' && state.data.length === 0 && <p>You have not asked for access yet.</p>}
      {state.status === 'ready' && state.data.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Your operator-access requests</caption>
            <thead>
              <tr>
                <th scope="col">Ticket</th>
                <th scope="col">Workspace</th>
                <th scope="col">Status</th>
                <th scope="col">Requested</th>
                <th scope="col">Expires</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {state.data.map((g) => (
                <tr key={g.id} data-ticket={g.ticket}>
                  <th scope="row">{g.ticket}</th>
                  <td>
                    <code>{g.workspaceId}</code>
                  </td>
                  <td data-status={statusAt(g, now)}>{statusAt(g, now)}</td>
                  <td>
                    <DateTime iso={g.requestedAt} />
                  </td>
                  <td>
                    <DateTime iso={g.expiresAt} />
                  </td>
                  <td>{g.decisionNote ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
