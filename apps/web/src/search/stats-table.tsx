import { formatCell } from './event-field.ts';
import type { Row } from './search-api.ts';

/** `| stats` and `| timechart` answers: one row per group or time bucket. */
export function StatsTable({
  rows,
  columns,
}: {
  readonly rows: readonly Row[];
  readonly columns: readonly string[];
}) {
  return (
    <div className="table-scroll">
      <table className="data-table stats-table">
        <caption className="visually-hidden">Aggregated results</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c} className={typeof row[c] === 'number' ? 'cell numeric' : 'cell'}>
                  {formatCell(row[c])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
