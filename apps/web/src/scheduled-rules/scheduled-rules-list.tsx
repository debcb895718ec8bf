import { DateTime } from '../admin/date-time.tsx';
import { useLoad } from '../admin/use-load.ts';
import { Link } from '../routing/link.tsx';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { newScheduledRuleHref, scheduledRuleHref } from './scheduled-route.ts';
import { listScheduledRules } from './scheduled-rules-api.ts';
import { everyText, triggerText } from './trigger-text.ts';

/** `/detection/scheduled`: every scheduled rule with its last and next run and a warning for gaps. */
export function ScheduledRulesList({
  workspaceId,
  mayWrite,
}: {
  readonly workspaceId: string;
  readonly mayWrite: boolean;
}) {
  const { state } = useLoad(workspaceId, (signal) => listScheduledRules(workspaceId, signal));
  return (
    <>
      <div className="page-header">
        <h1>Scheduled rules</h1>
        {mayWrite && (
          <Link className="button button-primary" href={newScheduledRuleHref(workspaceId)}>
            New scheduled rule
          </Link>
        )}
      </div>
      {state.status === 'loading' && <p role="status">Loading scheduled rules…</p>}
      {state.status === 'failed' && <ErrorBanner error={state.error} />}
      {state.status === 'ready' && state.data.length === 0 && (
        <p className="muted">
          No scheduled rules yet: they run a query on a schedule and alert on a threshold.
        </p>
      )}
      {state.status === 'ready' && state.data.length > 0 && (
        <div className="table-scroll">
          <table className="data-table scheduled-table">
            <caption className="visually-hidden">Scheduled rules</caption>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Every</th>
                <th scope="col">Trigger</th>
                <th scope="col">Severity</th>
                <th scope="col">Last run</th>
                <th scope="col">Next run</th>
                <th scope="col">Coverage</th>
              </tr>
            </thead>
            <tbody>
              {state.data.map((r) => (
                <tr key={r.id} data-rule-id={r.id}>
                  <td>
                    <Link href={scheduledRuleHref(workspaceId, r.id)}>{r.name}</Link>
                    {!r.enabled && <span className="badge badge-unknown">disabled</span>}
                    {r.simulation && <span className="badge">simulation</span>}
                  </td>
                  <td>{everyText(r.intervalSeconds)}</td>
                  <td>
                    <code>{triggerText(r)}</code>
                  </td>
                  <td>{r.severity}</td>
                  <td>
                    {r.schedule.lastRun === undefined ? (
                      <span className="muted">not yet</span>
                    ) : (
                      <>
                        <span
                          className={
                            r.schedule.lastRun.status === 'ok' ? 'badge badge-ok' : 'badge badge-error'
                          }
                        >
                          {r.schedule.lastRun.status}
                        </span>{' '}
                        <DateTime iso={r.schedule.lastRun.finishedAt} />
                      </>
                    )}
                  </td>
                  <td>
                    <DateTime iso={r.schedule.nextRunAt} empty="—" />
                  </td>
                  <td>
                    {r.schedule.gaps > 0 ? (
                      <span className="badge badge-error" title={r.schedule.lastGap?.reason}>
                        {r.schedule.gaps} {r.schedule.gaps === 1 ? 'gap' : 'gaps'}
                      </span>
                    ) : (
                      <span className="badge badge-ok">no gaps</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
