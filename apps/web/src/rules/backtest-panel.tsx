import { useId } from 'react';
import { RangeRunForm, useRangeRun } from '../search/range-run-form.tsx';
import { ResultsTable } from '../search/results-table.tsx';
import { backtestRule } from './rules-api.ts';

/** Runs the stored rule over stored events of a time range: hits, events scanned, first matches. */
export function BacktestPanel({
  workspaceId,
  ruleId,
}: {
  readonly workspaceId: string;
  readonly ruleId: string;
}) {
  const id = useId();
  const backtest = useRangeRun((span) => backtestRule(workspaceId, ruleId, span));
  const outcome = backtest.result;

  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>Backtest</h2>
      <RangeRunForm
        state={backtest}
        label="Backtest the rule"
        action="Run backtest"
        busyAction="Backtesting…"
      />
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
