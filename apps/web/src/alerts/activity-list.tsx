import { label } from './cases-labels.ts';
import { EpochTime } from './epoch-time.tsx';
import type { ActivityView } from './parse-alert.ts';

const show = (v: unknown): string =>
  v === undefined || v === null ? '—' : typeof v === 'string' ? label(v) : JSON.stringify(v);

/** Every change, oldest first: when, who, what (before → after) and any note. */
export function ActivityList({
  entries,
  caption,
}: {
  readonly entries: readonly ActivityView[];
  readonly caption: string;
}) {
  if (entries.length === 0) return <p className="muted">Nothing recorded yet.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table activity-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Change</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            <tr key={i} data-action={e.action}>
              <td>
                <EpochTime ms={e.at} />
              </td>
              <td>{e.actor}</td>
              <td>{e.action.replaceAll('_', ' ')}</td>
              <td>{e.field === undefined ? '' : `${e.field}: ${show(e.before)} → ${show(e.after)}`}</td>
              <td className="break-all">{e.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
