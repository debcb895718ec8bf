import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../admin/use-action.ts';
import { TextField } from '../shell/text-field.tsx';
import { patchAlert, type AlertChange } from './alerts-api.ts';
import { VERIFICATIONS } from './cases-labels.ts';
import { CloseFields } from './close-fields.tsx';
import { EnumSelect } from './enum-select.tsx';
import type { AlertView } from './parse-alert.ts';
import { SaveChangesFooter } from './save-changes-footer.tsx';
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
        <EnumSelect
          title="Verification"
          value={verification}
          values={VERIFICATIONS}
          onChange={setVerification}
        />
        <TextField label="Owner" value={owner} onChange={setOwner} maxLength={200} />
      </div>
      {closing && (
        <CloseFields reason={reason} comment={comment} onReason={setReason} onComment={setComment} />
      )}
      <SaveChangesFooter error={error} busy={busy} unchanged={Object.keys(change).length === 0} />
    </form>
  );
}
