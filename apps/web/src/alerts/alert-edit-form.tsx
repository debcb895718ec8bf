import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../admin/use-action.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { TextField } from '../shell/text-field.tsx';
import { patchAlert, type AlertChange } from './alerts-api.ts';
import { VERIFICATIONS, label } from './cases-labels.ts';
import { CloseFields } from './close-fields.tsx';
import type { AlertView } from './parse-alert.ts';
import { StatusSelect } from './status-select.tsx';

/** Status (closing needs a reason), verification and owner of one alert, saved as one change. */
export function AlertEditForm({
  workspaceId,
  alert,
  onSaved,
}: {
  readonly workspaceId: string;
  readonly alert: AlertView;
  readonly onSaved: () => void;
}) {
  const headingId = useId();
  const verificationId = useId();
  const [status, setStatus] = useState(alert.status);
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const [verification, setVerification] = useState(alert.verification);
  const [owner, setOwner] = useState(alert.owner ?? '');
  const { busy, error, run } = useAction();
  const closing = status === 'closed' && alert.status !== 'closed';
  const change: AlertChange = {
    ...(status === alert.status ? {} : { status }),
    ...(closing && reason !== '' ? { closeReason: reason } : {}),
    ...(closing && comment.trim() !== '' ? { closeComment: comment.trim() } : {}),
    ...(verification === alert.verification ? {} : { verification }),
    ...(owner.trim() === (alert.owner ?? '') ? {} : { owner: owner.trim() === '' ? null : owner.trim() }),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => patchAlert(workspaceId, alert.id, change, alert.version)).then((ok) => ok && onSaved());
  };
  return (
    <form className="card" aria-labelledby={headingId} onSubmit={submit}>
      <h2 id={headingId}>Triage</h2>
      <div className="case-filters">
        <StatusSelect value={status} onChange={setStatus} />
        <div className="field">
          <label htmlFor={verificationId}>Verification</label>
          <select id={verificationId} value={verification} onChange={(e) => setVerification(e.target.value)}>
            {VERIFICATIONS.map((v) => (
              <option key={v} value={v}>
                {label(v)}
              </option>
            ))}
          </select>
        </div>
        <TextField label="Owner" value={owner} onChange={setOwner} maxLength={200} />
      </div>
      {closing && (
        <CloseFields reason={reason} comment={comment} onReason={setReason} onComment={setComment} />
      )}
      <ErrorBanner error={error} />
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || Object.keys(change).length === 0}
        >
          Save changes
        </button>
      </div>
    </form>
  );
}
