import { useId, useRef, type FormEvent } from 'react';
import type { QueryProblem } from '../api/api-error.ts';
import { ProblemList } from './problem-list.tsx';
import { QueryBox } from './query-box.tsx';
import { TimeRangePicker } from './time-range-picker.tsx';
import type { TimeRange } from './time-range.ts';

/** Query box, time range and the run button; the query's problems are listed under the box. */
export function SearchForm(props: {
  readonly query: string;
  readonly onQuery: (q: string) => void;
  readonly range: TimeRange;
  readonly onRange: (r: TimeRange) => void;
  readonly problems: readonly QueryProblem[];
  /** The query text the problems refer to (the one that was run). */
  readonly problemQuery: string;
  readonly busy: boolean;
  readonly onRun: () => void;
}) {
  const box = useRef<HTMLTextAreaElement>(null);
  const problemsId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onRun();
  };
  const show = (offset: number) => {
    box.current?.focus();
    box.current?.setSelectionRange(offset, Math.min(offset + 1, props.query.length));
  };
  return (
    <form
      className="search-form card"
      role="search"
      aria-label="Events"
      onSubmit={submit}
      aria-busy={props.busy}
    >
      <QueryBox
        ref={box}
        value={props.query}
        onChange={props.onQuery}
        onSubmit={props.onRun}
        invalid={props.problems.length > 0}
        describedBy={problemsId}
      />
      <ProblemList id={problemsId} query={props.problemQuery} problems={props.problems} onShow={show} />
      <div className="search-controls">
        <TimeRangePicker value={props.range} onChange={props.onRange} />
        <button type="submit" className="button button-primary" disabled={props.busy}>
          {props.busy ? 'Searching…' : 'Search'}
        </button>
      </div>
    </form>
  );
}
