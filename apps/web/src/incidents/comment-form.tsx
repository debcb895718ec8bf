import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../admin/use-action.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { commentOnIncident } from './incidents-api.ts';

/** Adds a comment to the incident's timeline; `@name` mentions are recorded by the server. */
export function CommentForm({
  workspaceId,
  incidentId,
  onAdded,
}: {
  readonly workspaceId: string;
  readonly incidentId: string;
  readonly onAdded: () => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => commentOnIncident(workspaceId, incidentId, text.trim())).then((ok) => {
      if (!ok) return;
      setText('');
      onAdded();
    });
  };
  return (
    <form aria-label="Add a comment" onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>Comment</label>
        <textarea
          id={id}
          rows={3}
          maxLength={10_000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <ErrorBanner error={error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || text.trim() === ''}>
          Add comment
        </button>
      </div>
    </form>
  );
}
