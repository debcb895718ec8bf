import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../admin/use-action.ts';
import { ResultsTable } from '../search/results-table.tsx';
import { TimeRangePicker } from '../search/time-range-picker.tsx';
import { resolveRange, type TimeRange } from '../search/time-range.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { backtestRule, type BacktestOutcome } from './rules-api.ts';

/** Runs the stored rule over stored events of a time range: hits, events scanned, first matches. */
export function BacktestPanel({
  workspaceId,
  ruleId,
}: {
  readonly workspaceId: string;
  readonly ruleId: string;
}) {
  const id = useId();
  const [range, setRange] = useState<TimeRange>({ kind: 'relative', preset: '24h' });
  const [problem, setProblem] = useState('');
  const [outcome, setOutcome] = useState<BacktestOutcome | null>(null);
  const { busy, error, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const resolved = resolveRange(range, Date.now());
    if (!resolved.ok) {
      setProblem(resolved.message);
      return;
    }
    setProblem('');
    setOutcome(null);
    let answer: BacktestOutcome | undefined;
    void run(async () => {
      answer = await backtestRule(workspaceId, ruleId, { from: resolved.from, to: resolved.to });
    }).then((ok) => {
      if (ok && answer) setOutcome(answer);
    });
  };

  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>Backtest</h2>
      <form aria-label="Backtest the rule" className="backtest-form" onSubmit={submit}>
        <TimeRangePicker value={range} onChange={setRange} />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Backtesting…' : 'Run backtest'}
        </button>
      </form>
      {problem !== '' && (
        <p className="banner banner-error" role="alert">
          {problem}
        </p>
      )}
      <ErrorBanner error={error} />
      {outcome && (
        <section aria-label="Backtest result">
          <p role="status">
            {outcome.hits} {outcome.hits === 1 ? 'hit' : 'hits'} in {outcome.scanned} events scanned
            {outcome.suppressed > 0 && `, ${outcome.suppressed} suppressed by exceptions`}.
            {outcome.truncated && ' The scan stopped early (truncated): narrow the time range.'}
          </p>
          {outcome.events.length > 0 && <ResultsTable events={outcome.events} projected={undefined} />}
        </section>
      )}
    </section>
  );
}
