import { useId } from 'react';
import { DateTime } from '../admin/date-time.tsx';
import { RangeRunForm, useRangeRun } from '../search/range-run-form.tsx';
import { simulateScheduledRule } from './scheduled-rules-api.ts';

const groupText = (g: Readonly<Record<string, unknown>> | undefined): string =>
  g === undefined || Object.keys(g).length === 0
    ? '(whole run)'
    : Object.entries(g)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(', ');

/** Dry-runs the saved rule over a range, window by window as the scheduler would: what it would alert. */
export function SimulationPanel({
  workspaceId,
  ruleId,
}: {
  readonly workspaceId: string;
  readonly ruleId: string;
}) {
  const id = useId();
  const simulation = useRangeRun((span) => simulateScheduledRule(workspaceId, ruleId, span));
  const result = simulation.result;

  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>Simulate</h2>
      <p className="muted">
        Runs the saved rule over stored events. Nothing is written and no alert is raised.
      </p>
      <RangeRunForm
        state={simulation}
        label="Simulate the rule"
        action="Run simulation"
        busyAction="Simulating…"
      />
      {result && (
        <section aria-label="Simulation result">
          <p role="status">
            {result.alerts.length} would-be {result.alerts.length === 1 ? 'alert' : 'alerts'} over{' '}
            {result.windows} {result.windows === 1 ? 'interval' : 'intervals'}, {result.hits} matching events
            {result.suppressed > 0 && `, ${result.suppressed} suppressed`}.
          </p>
          {result.alerts.length > 0 && (
            <div className="table-scroll">
              <table className="data-table">
                <caption className="visually-hidden">Would-be alerts</caption>
                <thead>
                  <tr>
                    <th scope="col">Interval</th>
                    <th scope="col">Group</th>
                    <th scope="col">Events</th>
                    <th scope="col">Value</th>
                    <th scope="col">Severity</th>
                  </tr>
                </thead>
                <tbody>
                  {result.alerts.map((a, i) => (
                    <tr key={`${a.windowStart ?? ''}-${i}`} className="would-be-alert">
                      <td>
                        <DateTime iso={a.windowStart} /> – <DateTime iso={a.windowEnd} />
                      </td>
                      <td>
                        <code>{groupText(a.group)}</code>
                      </td>
                      <td>{a.eventCount}</td>
                      <td>{a.value ?? '—'}</td>
                      <td>{a.severity}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </section>
  );
}
