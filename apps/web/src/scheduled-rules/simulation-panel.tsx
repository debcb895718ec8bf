import { useId, useState, type FormEvent } from 'react';
import { DateTime } from '../admin/date-time.tsx';
import { useAction } from '../admin/use-action.ts';
import { TimeRangePicker } from '../search/time-range-picker.tsx';
import { resolveRange, type TimeRange } from '../search/time-range.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { simulateScheduledRule, type Simulation } from './scheduled-rules-api.ts';

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
  const [range, setRange] = useState<TimeRange>({ kind: 'relative', preset: '24h' });
  const [problem, setProblem] = useState('');
  const [result, setResult] = useState<Simulation | null>(null);
  const { busy, error, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const resolved = resolveRange(range, Date.now());
    if (!resolved.ok) {
      setProblem(resolved.message);
      return;
    }
    setProblem('');
    setResult(null);
    let answer: Simulation | undefined;
    void run(async () => {
      answer = await simulateScheduledRule(workspaceId, ruleId, { from: resolved.from, to: resolved.to });
    }).then((ok) => {
      if (ok && answer) setResult(answer);
    });
  };

  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>Simulate</h2>
      <p className="muted">
        Runs the saved rule over stored events. Nothing is written and no alert is raised.
      </p>
      <form aria-label="Simulate the rule" className="backtest-form" onSubmit={submit}>
        <TimeRangePicker value={range} onChange={setRange} />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Simulating…' : 'Run simulation'}
        </button>
      </form>
      {problem !== '' && (
        <p className="banner banner-error" role="alert">
          {problem}
        </p>
      )}
      <ErrorBanner error={error} />
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
