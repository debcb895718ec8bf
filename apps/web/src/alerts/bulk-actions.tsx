import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../admin/use-action.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { TextField } from '../shell/text-field.tsx';
import { bulkAlerts, type AlertChange } from './alerts-api.ts';
import { CloseFields } from './close-fields.tsx';
import { StatusSelect } from './status-select.tsx';

/** Sets status (closing with a reason) and/or owner on every selected alert, all or nothing. */
export function BulkActions({
  workspaceId,
  ids,
  onDone,
}: {
  readonly workspaceId: string;
  readonly ids: readonly string[];
  readonly onDone: () => void;
}) {
  const headingId = useId();
  const [status, setStatus] = useState('');
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const [owner, setOwner] = useState('');
  const { busy, error, run } = useAction();
  const change: AlertChange = {
    ...(status === '' ? {} : { status }),
    ...(status === 'closed' && reason !== '' ? { closeReason: reason } : {}),
    ...(status === 'closed' && comment.trim() !== '' ? { closeComment: comment.trim() } : {}),
    ...(owner.trim() === '' ? {} : { owner: owner.trim() }),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => bulkAlerts(workspaceId, ids, change)).then((ok) => {
      if (!ok) return;
      setStatus('');
      setReason('');
      setComment('');
      setOwner('');
      onDone();
    });
  };
  return (
    <form className="card bulk-actions" aria-labelledby={headingId} onSubmit={submit}>
      <h2 id={headingId}>Change the {ids.length} selected</h2>
      <div className="case-filters">
        <StatusSelect value={status} onChange={setStatus} keep text="New status" />
        <TextField label="New owner" value={owner} onChange={setOwner} maxLength={200} />
      </div>
      {status === 'closed' && (
        <CloseFields reason={reason} comment={comment} onReason={setReason} onComment={setComment} />
      )}
      <ErrorBanner error={error} />
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || Object.keys(change).length === 0}
        >
          Apply to selected
        </button>
      </div>
    </form>
  );
}
