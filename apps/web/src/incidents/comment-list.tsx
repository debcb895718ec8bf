import { EpochTime } from '../alerts/epoch-time.tsx';
import type { ActivityView } from '../alerts/parse-alert.ts';

/** The comments of an incident (timeline entries `commented`), oldest first. */
export function CommentList({ timeline }: { readonly timeline: readonly ActivityView[] }) {
  const comments = timeline.filter((e) => e.action === 'commented');
  if (comments.length === 0) return <p className="muted">No comments yet.</p>;
  return (
    <ol className="comment-list" aria-label="Comments">
      {comments.map((c, i) => (
        <li key={i}>
          <p>
            <strong>{c.actor}</strong> · <EpochTime ms={c.at} />
          </p>
          <p className="break-all">{c.note}</p>
        </li>
      ))}
    </ol>
  );
}
