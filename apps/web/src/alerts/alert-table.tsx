import { Link } from '../routing/link.tsx';
import { label } from './cases-labels.ts';
import { alertPath } from './case-links.ts';
import { EntityKeys } from './entity-keys.tsx';
import { EpochTime } from './epoch-time.tsx';
import type { AlertView } from './parse-alert.ts';
import { SeverityBadge } from './severity-badge.tsx';

/** The queue: one row per alert, with a checkbox for bulk changes when the account may triage. */
export function AlertTable({
  workspaceId,
  alerts,
  selected,
  onToggle,
  onToggleAll,
  selectable,
}: {
  readonly workspaceId: string;
  readonly alerts: readonly AlertView[];
  readonly selected: ReadonlySet<string>;
  readonly onToggle: (id: string) => void;
  readonly onToggleAll: (all: boolean) => void;
  readonly selectable: boolean;
}) {
  if (alerts.length === 0) return <p className="muted">No alerts match these filters.</p>;
  const allSelected = alerts.every((a) => selected.has(a.id));
  return (
    <div className="table-scroll">
      <table className="data-table alert-table">
        <caption className="visually-hidden">Alerts</caption>
        <thead>
          <tr>
            {selectable && (
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label="Select all alerts on this page"
                  checked={allSelected}
                  onChange={(e) => onToggleAll(e.target.checked)}
                />
              </th>
            )}
            <th scope="col">Severity</th>
            <th scope="col">Title</th>
            <th scope="col">Rule</th>
            <th scope="col">Entities</th>
            <th scope="col">Count</th>
            <th scope="col">First seen</th>
            <th scope="col">Last seen</th>
            <th scope="col">Status</th>
            <th scope="col">Owner</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={a.id} data-alert-id={a.id} data-alert-title={a.title}>
              {selectable && (
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${a.title}`}
                    checked={selected.has(a.id)}
                    onChange={() => onToggle(a.id)}
                  />
                </td>
              )}
              <td>
                <SeverityBadge severity={a.severity} />
              </td>
              <th scope="row">
                <Link href={alertPath(workspaceId, a.id)}>{a.title}</Link>
              </th>
              <td>
                <code>{a.ruleId}</code>
              </td>
              <td>
                <EntityKeys keys={a.entityKeys} />
              </td>
              <td>{a.count}</td>
              <td>
                <EpochTime ms={a.firstSeenAt} />
              </td>
              <td>
                <EpochTime ms={a.lastSeenAt} />
              </td>
              <td>{label(a.status)}</td>
              <td>{a.owner ?? <span className="muted">Unassigned</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
