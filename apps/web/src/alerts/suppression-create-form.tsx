import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../admin/use-action.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { TextField } from '../shell/text-field.tsx';
import { DurationSelect } from './duration-select.tsx';
import { createSuppression } from './create-suppression-api.ts';
import { textToMatch } from './parse-suppression.ts';
import type { SuppressionCandidate } from './suppression-candidates.ts';

const DURATIONS: readonly [string, number][] = [
  ['1 hour', 3_600_000],
  ['1 day', 86_400_000],
  ['7 days', 7 * 86_400_000],
  ['30 days', 30 * 86_400_000],
];

/** Ticked candidates plus the free-text lines, merged per field. */
function matchOf(
  candidates: readonly SuppressionCandidate[],
  ticked: ReadonlySet<string>,
  extra: string,
): { ok: true; match: Record<string, string[]> } | { ok: false; problems: string[] } {
  const match: Record<string, string[]> = {};
  for (const c of candidates) if (ticked.has(c.field)) match[c.field] = [c.value];
  if (extra.trim() !== '') {
    const parsed = textToMatch(extra);
    if (!parsed.ok) return parsed;
    for (const [field, values] of Object.entries(parsed.match))
      match[field] = [...(match[field] ?? []), ...values];
  }
  return Object.keys(match).length === 0
    ? { ok: false, problems: ['choose at least one field to match'] }
    : { ok: true, match };
}

/**
 * Creates a suppression rule: for a rule (or every rule), the chosen field matches, a duration and a
 * reason. "Suppress similar" passes the alert's rule and entity fields as the starting point.
 */
export function SuppressionCreateForm({
  workspaceId,
  title,
  ruleId = '',
  candidates = [],
  onDone,
}: {
  readonly workspaceId: string;
  readonly title: string;
  readonly ruleId?: string;
  readonly candidates?: readonly SuppressionCandidate[];
  readonly onDone: (created: boolean) => void;
}) {
  const headingId = useId();
  const extraId = useId();
  const [rule, setRule] = useState(ruleId);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(
    () => new Set(candidates.filter((c) => c.preselected).map((c) => c.field)),
  );
  const [extra, setExtra] = useState('');
  const [duration, setDuration] = useState(86_400_000);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<readonly string[]>([]);
  const { busy, error, run } = useAction();
  const toggle = (field: string) =>
    setTicked((t) => {
      const next = new Set(t);
      if (!next.delete(field)) next.add(field);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = matchOf(candidates, ticked, extra);
    const found = parsed.ok ? [] : [...parsed.problems];
    if (reason.trim() === '') found.push('a reason is needed');
    setProblems(found);
    if (!parsed.ok || found.length > 0) return;
    void run(() =>
      createSuppression(workspaceId, {
        ...(rule.trim() === '' ? {} : { ruleId: rule.trim() }),
        match: parsed.match,
        durationMs: duration,
        reason: reason.trim(),
      }),
    ).then((ok) => ok && onDone(true));
  };
  return (
    <form className="card" aria-labelledby={headingId} onSubmit={submit}>
      <h3 id={headingId}>{title}</h3>
      <TextField label="Rule id (empty: every rule)" value={rule} onChange={setRule} maxLength={200} />
      {candidates.length > 0 && (
        <fieldset className="field">
          <legend>Fields to match</legend>
          {candidates.map((c) => (
            <label key={c.field} className="checkbox-row">
              <input type="checkbox" checked={ticked.has(c.field)} onChange={() => toggle(c.field)} />{' '}
              <code>
                {c.field} = {c.value}
              </code>
            </label>
          ))}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={extraId}>
          {candidates.length > 0 ? 'More field matches' : 'Field matches'} (one per line: field = value,
          value…; * matches anything)
        </label>
        <textarea id={extraId} rows={3} value={extra} onChange={(e) => setExtra(e.target.value)} />
      </div>
      <div className="case-filters">
        <DurationSelect choices={DURATIONS} value={duration} onChange={setDuration} />
        <TextField label="Reason" value={reason} onChange={setReason} maxLength={2000} />
      </div>
      {problems.length > 0 && (
        <ul role="alert" className="inline-error">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <ErrorBanner error={error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Create rule
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
