import type { QueryProblem } from '../api/api-error.ts';

/**
 * The query's problems as the server found them, each with its offset (0-based, as the server's messages
 * count) and the query with the character at the offset highlighted; "Go to" puts the caret there.
 */
export function ProblemList(props: {
  readonly id: string;
  readonly query: string;
  readonly problems: readonly QueryProblem[];
  readonly onShow: (offset: number) => void;
}) {
  if (props.problems.length === 0) return <div id={props.id} />;
  return (
    <div id={props.id} className="banner banner-error" role="alert">
      <p className="banner-title">
        The query has {props.problems.length === 1 ? 'a problem' : `${props.problems.length} problems`}:
      </p>
      <ul className="problem-list">
        {props.problems.map((p, i) => (
          <li key={`${p.offset}-${i}`}>
            <span>
              At offset {p.offset}: {p.message}
            </span>
            <pre className="problem-snippet" aria-hidden="true">
              {props.query.slice(0, p.offset)}
              <mark className="problem-mark">{props.query.slice(p.offset, p.offset + 1) || ' '}</mark>
              {props.query.slice(p.offset + 1)}
            </pre>
            <button type="button" className="link-button" onClick={() => props.onShow(p.offset)}>
              Go to offset {p.offset} in the query
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
