import { useId } from 'react';
import { CLOSE_REASONS, label } from './cases-labels.ts';

/** The close reason (required to close) and its comment (required for "Other"). */
export function CloseFields({
  reason,
  comment,
  onReason,
  onComment,
}: {
  readonly reason: string;
  readonly comment: string;
  readonly onReason: (value: string) => void;
  readonly onComment: (value: string) => void;
}) {
  const reasonId = useId();
  const commentId = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={reasonId}>Close reason</label>
        <select id={reasonId} value={reason} onChange={(e) => onReason(e.target.value)}>
          <option value="">Choose a reason…</option>
          {CLOSE_REASONS.map((r) => (
            <option key={r} value={r}>
              {label(r)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={commentId}>Close comment{reason === 'other' ? ' (required)' : ''}</label>
        <textarea
          id={commentId}
          rows={2}
          maxLength={10_000}
          value={comment}
          onChange={(e) => onComment(e.target.value)}
        />
      </div>
    </>
  );
}
