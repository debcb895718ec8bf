import { useId } from 'react';
import { DateTime } from '../admin/date-time.tsx';
import { useLoad } from '../admin/use-load.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { listRuns } from './scheduled-rules-api.ts';

const STATUS_BADGE: Readonly<Record<string, string>> = {
  ok: 'badge badge-ok',
  running: 'badge',
  failed: 'badge badge-error',
  gap: 'badge badge-error',
};

/** The rule's run ledger, newest first: every covered interval, failed runs and gaps (never silent). */
export function RunHistory({
  workspaceId,
  ruleId,
  round,
}: {
  readonly workspaceId: string;
  readonly ruleId: string;
  readonly round: number;
}) {
  const id = useId();
  const { state } = useLoad(`${workspaceId} ${ruleId} ${round}`, (signal) =>
    listRuns(workspaceId, ruleId, signal),
  );
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>Run history</h2>
      {state.status === 'loading' && <p role="status">Loading runs…</p>}
      {state.status === 'failed' && <ErrorBanner error={state.error} />}
      {state.status === 'ready' && state.data.length === 0 && <p className="muted">No runs yet.</p>}
      {state.status === 'ready' && state.data.length > 0 && (
        <div className="table-scroll">
          <table className="data-table run-history">
            <caption className="visually-hidden">Runs</caption>
            <thead>
              <tr>
                <th scope="col">Event time</th>
                <th scope="col">Status</th>
                <th scope="col">Events</th>
                <th scope="col">Fired groups</th>
                <th scope="col">Alerts</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {[...state.data].reverse().map((r) => (
                <tr key={r.start ?? ''} data-status={r.status}>
                  <td>
                    <DateTime iso={r.start} /> – <DateTime iso={r.end} />
                  </td>
                  <td>
                    <span className={STATUS_BADGE[r.status] ?? 'badge'}>{r.status}</span>
                    {r.late && <span className="muted"> (caught up)</span>}
                  </td>
                  <td>
                    {r.hits}
                    {r.truncated && ' (truncated)'}
                  </td>
                  <td>
                    {r.firings.length}
                    {r.suppressed > 0 && ` (${r.suppressed} suppressed)`}
                  </td>
                  <td>{r.simulated ? <span className="muted">simulated</span> : r.alerts}</td>
                  <td>
                    {r.error ?? ''}
                    {r.attempts > 1 && ` (attempt ${r.attempts})`}
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
