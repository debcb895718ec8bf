import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../admin/use-action.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { parseSelection } from './parse-selection.ts';
import { addException } from './rules-api.ts';

/** Adds an exception: a Sigma selection (YAML or JSON), a reason and an optional expiry. */
export function ExceptionForm({
  workspaceId,
  ruleId,
  correlation = false,
  onAdded,
}: {
  readonly workspaceId: string;
  readonly ruleId: string;
  readonly correlation?: boolean;
  readonly onAdded: () => void;
}) {
  const id = useId();
  const [conditions, setConditions] = useState('');
  const [reason, setReason] = useState('');
  const [expires, setExpires] = useState('');
  const [problem, setProblem] = useState('');
  const { busy, error, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseSelection(conditions);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    const expiresMs = expires === '' ? undefined : Date.parse(expires);
    if (expiresMs !== undefined && Number.isNaN(expiresMs)) {
      setProblem('Enter a valid expiry date.');
      return;
    }
    setProblem('');
    void run(() =>
      addException(workspaceId, ruleId, {
        conditions: parsed.selection,
        reason: reason.trim(),
        ...(expiresMs === undefined ? {} : { expiresAt: new Date(expiresMs).toISOString() }),
      }),
    ).then((ok) => {
      if (!ok) return;
      setConditions('');
      setReason('');
      setExpires('');
      onAdded();
    });
  };

  return (
    <form className="exception-form" aria-label="Add an exception" onSubmit={submit}>
      <h3>Add an exception</h3>
      <div className="field">
        <label htmlFor={`${id}-conditions`}>Conditions (Sigma selection, YAML or JSON)</label>
        <textarea
          id={`${id}-conditions`}
          className="code-input"
          rows={4}
          spellCheck={false}
          required
          placeholder={
            correlation
              ? "TargetUserName|startswith: 'svc_'\nevent_count: 3"
              : "User|endswith: '\\svc_inventory'\nParentImage|endswith: '\\inventory.exe'"
          }
          value={conditions}
          aria-invalid={problem !== ''}
          aria-describedby={correlation ? `${id}-problem ${id}-output` : `${id}-problem`}
          onChange={(e) => setConditions(e.target.value)}
        />
        {correlation && (
          <p id={`${id}-output`} className="muted">
            Matched against each correlation hit: its group-by fields, <code>event_count</code>,{' '}
            <code>correlation_type</code>, <code>level</code>, <code>rule_id</code> and{' '}
            <code>rule_title</code>.
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason</label>
        <input
          id={`${id}-reason`}
          required
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-expires`}>Expires (optional)</label>
        <input
          id={`${id}-expires`}
          type="datetime-local"
          value={expires}
          onChange={(e) => setExpires(e.target.value)}
        />
      </div>
      <p id={`${id}-problem`} className="inline-error" role="alert">
        {problem}
      </p>
      <ErrorBanner error={error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add exception'}
        </button>
      </div>
    </form>
  );
}
