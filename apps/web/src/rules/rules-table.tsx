import { Link } from '../routing/link.tsx';
import { LevelBadge } from './level-badge.tsx';
import { ruleHref } from './rule-links.ts';
import type { RuleSummary } from './rules-api.ts';
import { EnableToggle } from './enable-toggle.tsx';

/** Rules with their level, status, logsource and tags; each links to its detail page. */
export function RulesTable({
  workspaceId,
  rules,
  mayWrite,
  onChanged,
  selected,
  onToggle,
  onToggleAll,
}: {
  readonly workspaceId: string;
  readonly rules: readonly RuleSummary[];
  readonly mayWrite: boolean;
  readonly onChanged: () => void;
  /** Rules ticked for a bulk action (a checkbox column shows when the account may write). */
  readonly selected: ReadonlySet<string>;
  readonly onToggle: (id: string) => void;
  readonly onToggleAll: (all: boolean) => void;
}) {
  const allSelected = rules.length > 0 && rules.every((r) => selected.has(r.id));
  return (
    <div className="table-scroll">
      <table className="data-table rules-table">
        <caption className="visually-hidden">Detection rules</caption>
        <thead>
          <tr>
            {mayWrite && (
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label="Select all rules on this page"
                  checked={allSelected}
                  onChange={(e) => onToggleAll(e.target.checked)}
                />
              </th>
            )}
            <th scope="col">Rule</th>
            <th scope="col">Level</th>
            <th scope="col">Status</th>
            <th scope="col">Logsource</th>
            <th scope="col">Tags</th>
            <th scope="col">Enabled</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.id} data-rule-id={r.id}>
              {mayWrite && (
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${r.title}`}
                    checked={selected.has(r.id)}
                    onChange={() => onToggle(r.id)}
                  />
                </td>
              )}
              <th scope="row">
                <Link href={ruleHref(workspaceId, r.id)}>{r.title}</Link>
                {r.type !== 'rule' && <span className="muted"> ({r.type})</span>}
              </th>
              <td>
                <LevelBadge level={r.level} />
              </td>
              <td>{r.status ?? '—'}</td>
              <td>{Object.values(r.logsource).join(' / ') || '—'}</td>
              <td className="rule-tags">{r.tags.join(', ') || '—'}</td>
              <td>
                {/* Keyed by state: a reload after a bulk change shows the server's value. */}
                <EnableToggle
                  key={String(r.enabled)}
                  workspaceId={workspaceId}
                  rule={r}
                  disabled={!mayWrite}
                  onChanged={onChanged}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
