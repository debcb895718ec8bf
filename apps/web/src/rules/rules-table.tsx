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
}: {
  readonly workspaceId: string;
  readonly rules: readonly RuleSummary[];
  readonly mayWrite: boolean;
  readonly onChanged: () => void;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table rules-table">
        <caption className="visually-hidden">Detection rules</caption>
        <thead>
          <tr>
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
                <EnableToggle workspaceId={workspaceId} rule={r} disabled={!mayWrite} onChanged={onChanged} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
