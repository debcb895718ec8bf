import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../admin/use-action.ts';
import { IR_STAGES, SEVERITIES, label } from '../alerts/cases-labels.ts';
import { CloseFields } from '../alerts/close-fields.tsx';
import { StatusSelect } from '../alerts/status-select.tsx';
import { ErrorBanner } from '../shell/error-banner.tsx';
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
  const severityId = useId();
  const stageId = useId();
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
        <div className="field">
          <label htmlFor={severityId}>Severity</label>
          <select id={severityId} value={severity} onChange={(e) => setSeverity(e.target.value)}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {label(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={stageId}>IR stage</label>
          <select id={stageId} value={stage} onChange={(e) => setStage(e.target.value)}>
            {IR_STAGES.map((s) => (
              <option key={s} value={s}>
                {label(s)}
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
