import { useId } from 'react';
import { DateTime } from '../admin/date-time.tsx';
import type { RuleVersion } from './rules-api.ts';

/** Every text the rule has had, newest first; earlier texts can be expanded. */
export function RuleVersions({
  versions,
  current,
}: {
  readonly versions: readonly RuleVersion[];
  readonly current: string;
}) {
  const id = useId();
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>Version history</h2>
      {newestFirst.length === 0 ? (
        <p className="muted">No versions recorded.</p>
      ) : (
        <ol className="version-list" aria-label="Versions">
          {newestFirst.map((v) => (
            <li key={v.version}>
              <details>
                <summary>
                  Version {v.version}
                  {v.text === current ? ' (current)' : ''} · <DateTime iso={v.importedAt} /> ·{' '}
                  {v.file ?? 'unknown file'}
                  {v.importedBy !== undefined && ` · by ${v.importedBy}`}
                </summary>
                <pre className="rule-text">{v.text}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
