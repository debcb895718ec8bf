import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../admin/use-action.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { TextField } from '../shell/text-field.tsx';
import { DurationSelect } from './duration-select.tsx';
import { matchToText, textToMatch, type SuppressionView } from './parse-suppression.ts';
import { patchSuppression, type SuppressionChange } from './suppressions-api.ts';

/** Renewal choices: a new duration always counts from now. */
const DURATIONS: readonly [string, number][] = [
  ['Keep the current end', 0],
  ['1 hour from now', 3_600_000],
  ['1 day from now', 86_400_000],
  ['7 days from now', 7 * 86_400_000],
  ['30 days from now', 30 * 86_400_000],
];

/** Edits one suppression rule: its field matches, a new duration, the reason, on/off. Only changes are sent. */
export function SuppressionEditForm({
  workspaceId,
  rule,
  onDone,
}: {
  readonly workspaceId: string;
  readonly rule: SuppressionView;
  readonly onDone: (saved: boolean) => void;
}) {
  const headingId = useId();
  const matchId = useId();
  const enabledId = useId();
  const [matchText, setMatchText] = useState(matchToText(rule.match));
  const [duration, setDuration] = useState(0);
  const [reason, setReason] = useState(rule.reason);
  const [enabled, setEnabled] = useState(rule.enabled);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = textToMatch(matchText);
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    setProblems([]);
    const change: SuppressionChange = {
      ...(matchToText(parsed.match) === matchToText(rule.match) ? {} : { match: parsed.match }),
      ...(duration === 0 ? {} : { durationMs: duration }),
      ...(reason.trim() === rule.reason ? {} : { reason: reason.trim() }),
      ...(enabled === rule.enabled ? {} : { enabled }),
    };
    if (Object.keys(change).length === 0) {
      onDone(false);
      return;
    }
    void run(() => patchSuppression(workspaceId, rule.id, change)).then((ok) => ok && onDone(true));
  };
  return (
    <form className="card" aria-labelledby={headingId} onSubmit={submit}>
      <h3 id={headingId}>Edit suppression rule {rule.id}</h3>
      <div className="field">
        <label htmlFor={matchId}>Field matches (one per line: field = value, value…)</label>
        <textarea
          id={matchId}
          rows={3}
          value={matchText}
          onChange={(e) => setMatchText(e.target.value)}
          aria-invalid={problems.length > 0}
        />
        {problems.length > 0 && (
          <ul role="alert" className="inline-error">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </div>
      <div className="case-filters">
        <DurationSelect choices={DURATIONS} value={duration} onChange={setDuration} />
        <TextField label="Reason" value={reason} onChange={setReason} maxLength={2000} />
        <div className="field">
          <label htmlFor={enabledId}>
            <input
              id={enabledId}
              type="checkbox"
              checked={enabled}
              onChange={(e) => setEnabled(e.target.checked)}
            />{' '}
            Enabled
          </label>
        </div>
      </div>
      <ErrorBanner error={error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Save rule
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
