import type { CheckView } from './health-view.ts';
import { StateBadge } from './state-badge.tsx';

export interface ChecksTableProps {
  readonly checks: readonly CheckView[];
  /** Shown instead of an empty table. */
  readonly emptyText: string;
}

export function ChecksTable({ checks, emptyText }: ChecksTableProps) {
  if (checks.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <table className="checks">
      <thead>
        <tr>
          <th scope="col">Check</th>
          <th scope="col">State</th>
          <th scope="col">Detail</th>
        </tr>
      </thead>
      <tbody>
        {checks.map((check) => (
          <tr key={check.name}>
            <th scope="row">
              <code>{check.name}</code>
            </th>
            <td>
              <StateBadge state={check.state} />
            </td>
            <td>{check.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
