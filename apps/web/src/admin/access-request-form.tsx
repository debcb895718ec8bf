import { useId, useState, type FormEvent } from 'react';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { TextField } from '../shell/text-field.tsx';
import { requestAccess } from './operator-access-api.ts';
import { useAction } from './use-action.ts';

/** The server's limit (OPERATOR_ACCESS_MAX_MS): access is time-boxed to at most eight hours. */
const MAX_MINUTES = 480;

/** An operator asks for time-boxed access to one workspace against the owner's ticket. */
export function AccessRequestForm({ onRequested }: { readonly onRequested: () => void }) {
  const id = useId();
  const [workspaceId, setWorkspaceId] = useState('');
  const [ticket, setTicket] = useState('');
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState('60');
  const { busy, error, run } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await run(() =>
      requestAccess({
        workspaceId: workspaceId.trim(),
        ticket: ticket.trim(),
        reason: reason.trim(),
        durationMinutes: Number(minutes),
      }),
    );
    if (!ok) return;
    setTicket('');
    setReason('');
    onRequested();
  };

  return (
    <form className="inline-form" aria-label="Request access to a workspace" onSubmit={(e) => void submit(e)}>
      <TextField label="Workspace id" value={workspaceId} onChange={setWorkspaceId} required maxLength={64} />
      <TextField label="Owner's ticket" value={ticket} onChange={setTicket} required maxLength={64} />
      <TextField label="Reason" value={reason} onChange={setReason} required maxLength={1000} />
      <div className="field">
        <label htmlFor={`${id}-minutes`}>Duration (minutes)</label>
        <input
          id={`${id}-minutes`}
          type="number"
          min={1}
          max={MAX_MINUTES}
          required
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </div>
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Sending…' : 'Request access'}
      </button>
      <ErrorBanner error={error} />
    </form>
  );
}
