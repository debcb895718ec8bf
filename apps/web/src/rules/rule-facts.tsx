import { useId } from 'react';
import { DateTime } from '../admin/date-time.tsx';
import { EnableToggle } from './enable-toggle.tsx';
import { LevelBadge } from './level-badge.tsx';
import type { RuleDetail } from './rules-api.ts';

/** What the rule is: level, status, logsource, ATT&CK tags, counters, its enabled switch and text. */
export function RuleFacts({
  workspaceId,
  rule,
  mayWrite,
  onChanged,
}: {
  readonly workspaceId: string;
  readonly rule: RuleDetail;
  readonly mayWrite: boolean;
  readonly onChanged: () => void;
}) {
  const id = useId();
  const attack = rule.tags.filter((t) => t.startsWith('attack.'));
  const other = rule.tags.filter((t) => !t.startsWith('attack.'));
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>Rule</h2>
      {rule.description !== undefined && <p>{rule.description}</p>}
      <dl className="facts">
        <dt>Enabled</dt>
        <dd>
          <EnableToggle workspaceId={workspaceId} rule={rule} disabled={!mayWrite} onChanged={onChanged} />
        </dd>
        <dt>Id</dt>
        <dd>
          <code className="break-all">{rule.id}</code>
        </dd>
        <dt>Type</dt>
        <dd>{rule.type}</dd>
        <dt>Level</dt>
        <dd>
          <LevelBadge level={rule.level} />
        </dd>
        <dt>Status</dt>
        <dd>{rule.status ?? '—'}</dd>
        <dt>Logsource</dt>
        <dd>
          {Object.entries(rule.logsource)
            .map(([k, v]) => `${k}: ${v}`)
            .join(', ') || '—'}
        </dd>
        <dt>ATT&amp;CK</dt>
        <dd>{attack.length > 0 ? <TagList tags={attack} label="ATT&CK tags" /> : '—'}</dd>
        {other.length > 0 && (
          <>
            <dt>Other tags</dt>
            <dd>
              <TagList tags={other} label="Other tags" />
            </dd>
          </>
        )}
        <dt>Version</dt>
        <dd>
          {rule.version} (<DateTime iso={rule.updatedAt} />)
        </dd>
        <dt>Matches</dt>
        <dd data-testid="rule-matches">{rule.matches}</dd>
        <dt>Suppressed by exceptions</dt>
        <dd data-testid="rule-suppressed">{rule.suppressed}</dd>
      </dl>
      <p className="muted">Counters are those of the running server since it started.</p>
      <h3>Rule text</h3>
      <pre className="rule-text" aria-label="Rule YAML" tabIndex={0}>
        {rule.text}
      </pre>
    </section>
  );
}

function TagList({ tags, label }: { readonly tags: readonly string[]; readonly label: string }) {
  return (
    <ul className="tag-list" aria-label={label}>
      {tags.map((t) => (
        <li key={t}>
          <code>{t}</code>
        </li>
      ))}
    </ul>
  );
}
