import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../admin/use-action.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { commentOnIncident } from './incidents-api.ts';
import { unknownMentions } from './mentions-api.ts';

/** Adds a comment to the incident's timeline; `@name` mentions of workspace members notify them. */
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
  // Names that matched no member: the server kept them as text and notified nobody.
  const [unknown, setUnknown] = useState<readonly string[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      setUnknown(unknownMentions(await commentOnIncident(workspaceId, incidentId, text.trim())));
    }).then((ok) => {
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
      {unknown.length > 0 && (
        <p className="muted" role="status">
          Not notified (no member of this workspace): {unknown.map((u) => `@${u}`).join(', ')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || text.trim() === ''}>
          Add comment
        </button>
      </div>
    </form>
  );
}
