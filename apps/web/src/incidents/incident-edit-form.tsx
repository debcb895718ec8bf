import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../admin/use-action.ts';
import { IR_STAGES, SEVERITIES } from '../alerts/cases-labels.ts';
import { CloseFields } from '../alerts/close-fields.tsx';
import { EnumSelect } from '../alerts/enum-select.tsx';
import { SaveChangesFooter } from '../alerts/save-changes-footer.tsx';
import { StatusSelect } from '../alerts/status-select.tsx';
import { TextField } from '../shell/text-field.tsx';
import { patchIncident, type IncidentChange } from './incidents-api.ts';
import type { IncidentView } from './parse-incident.ts';

/** Status (closing needs a reason), severity, owner and IR stage, saved as one change. */
export function IncidentEditForm({
  workspaceId,
  incident,
  onSaved,
}: {
  readonly workspaceId: string;
  readonly incident: IncidentView;
  readonly onSaved: () => void;
}) {
  const headingId = useId();
  const [status, setStatus] = useState(incident.status);
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const [severity, setSeverity] = useState(incident.severity);
  const [stage, setStage] = useState(incident.stage);
  const [owner, setOwner] = useState(incident.owner ?? '');
  const { busy, error, run } = useAction();
  const closing = status === 'closed' && incident.status !== 'closed';
  const change: IncidentChange = {
    ...(status === incident.status ? {} : { status }),
    ...(closing && reason !== '' ? { closeReason: reason } : {}),
    ...(closing && comment.trim() !== '' ? { closeComment: comment.trim() } : {}),
    ...(severity === incident.severity ? {} : { severity }),
    ...(stage === incident.stage ? {} : { stage }),
    ...(owner.trim() === (incident.owner ?? '') ? {} : { owner: owner.trim() === '' ? null : owner.trim() }),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => patchIncident(workspaceId, incident.id, change, incident.version)).then(
      (ok) => ok && onSaved(),
    );
  };
  return (
    <form className="card" aria-labelledby={headingId} onSubmit={submit}>
      <h2 id={headingId}>Handle the incident</h2>
      <div className="case-filters">
        <StatusSelect value={status} onChange={setStatus} />
        <EnumSelect title="Severity" value={severity} values={SEVERITIES} onChange={setSeverity} />
        <EnumSelect title="IR stage" value={stage} values={IR_STAGES} onChange={setStage} />
        <TextField label="Owner" value={owner} onChange={setOwner} maxLength={200} />
      </div>
      {closing && (
        <CloseFields reason={reason} comment={comment} onReason={setReason} onComment={setComment} />
      )}
      <SaveChangesFooter error={error} busy={busy} unchanged={Object.keys(change).length === 0} />
    </form>
  );
}
