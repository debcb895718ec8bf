import { useId, useState } from 'react';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { decideRequest } from './operator-access-api.ts';
import { useAction } from './use-action.ts';

/** Approve or reject one request, with an optional note for the record. */
export function DecisionControls({
  grantId,
  ticket,
  onDecided,
}: {
  readonly grantId: string;
  readonly ticket: string;
  readonly onDecided: () => void;
}) {
  const id = useId();
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();
  const decide = async (decision: 'approve' | 'reject') => {
    if (await run(() => decideRequest(grantId, decision, note))) onDecided();
  };
  return (
    <div className="decision">
      <label htmlFor={id} className="visually-hidden">
        Note on ticket {ticket}
      </label>
      <input
        id={id}
        placeholder="Note (optional)"
        value={note}
        maxLength={1000}
        onChange={(e) => setNote(e.target.value)}
      />
      <button
        type="button"
        className="button"
        disabled={busy}
        aria-label={`Approve ticket ${ticket}`}
        onClick={() => void decide('approve')}
      >
        Approve
      </button>
      <button
        type="button"
        className="button"
        disabled={busy}
        aria-label={`Reject ticket ${ticket}`}
        onClick={() => void decide('reject')}
      >
        Reject
      </button>
      <ErrorBanner error={error} />
    </div>
  );
}
