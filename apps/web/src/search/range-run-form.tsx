// A time-range form that runs one read over the chosen range (backtest, simulation): the range is
// resolved at submit time so a relative preset means "up to now", and the last answer is kept to show.
import { useState, type FormEvent } from 'react';
import { useAction } from '../admin/use-action.ts';
import type { ApiError } from '../api/api-error.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { TimeRangePicker } from './time-range-picker.tsx';
import { resolveRange, type TimeRange } from './time-range.ts';

export interface RangeRun<T> {
  readonly range: TimeRange;
  readonly setRange: (range: TimeRange) => void;
  /** Why the range cannot be used ('' when it can). */
  readonly problem: string;
  readonly result: T | null;
  readonly busy: boolean;
  readonly error: ApiError | null;
  readonly submit: (event: FormEvent) => void;
}

export function useRangeRun<T>(runOver: (span: { from: string; to: string }) => Promise<T>): RangeRun<T> {
  const [range, setRange] = useState<TimeRange>({ kind: 'relative', preset: '24h' });
  const [problem, setProblem] = useState('');
  const [result, setResult] = useState<T | null>(null);
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
    let answer: T | undefined;
    void run(async () => {
      answer = await runOver({ from: resolved.from, to: resolved.to });
    }).then((ok) => {
      if (ok && answer) setResult(answer);
    });
  };
  return { range, setRange, problem, result, busy, error, submit };
}

/** The range picker and its run button, then the range problem or the server's refusal. */
export function RangeRunForm<T>({
  state,
  label,
  action,
  busyAction,
}: {
  readonly state: RangeRun<T>;
  /** The form's accessible name. */
  readonly label: string;
  readonly action: string;
  readonly busyAction: string;
}) {
  return (
    <>
      <form aria-label={label} className="backtest-form" onSubmit={state.submit}>
        <TimeRangePicker value={state.range} onChange={state.setRange} />
        <button type="submit" className="button button-primary" disabled={state.busy}>
          {state.busy ? busyAction : action}
        </button>
      </form>
      {state.problem !== '' && (
        <p className="banner banner-error" role="alert">
          {state.problem}
        </p>
      )}
      <ErrorBanner error={state.error} />
    </>
  );
}
