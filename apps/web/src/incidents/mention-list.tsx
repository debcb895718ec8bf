import { useEffect } from 'react';
import { useAction } from '../admin/use-action.ts';
import { useLoad } from '../admin/use-load.ts';
import { EpochTime } from '../alerts/epoch-time.tsx';
import { incidentPath } from '../alerts/case-links.ts';
import { Link } from '../routing/link.tsx';
import { listMentions, markMentionsRead } from './mentions-api.ts';

/** New mentions show up within this long (the alert stream carries alerts only). */
const POLL_MS = 60_000;

/**
 * Incident comments that mention the signed-in user, for the notification panel: newest first, unread
 * ones marked, read when opened. Shows nothing to someone who may not read incidents.
 */
export function MentionList({
  workspaceId,
  onOpen,
}: {
  readonly workspaceId: string;
  readonly onOpen: () => void;
}) {
  const { state, reload } = useLoad(`mentions:${workspaceId}`, (signal) => listMentions(workspaceId, signal));
  const { run } = useAction();
  useEffect(() => {
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);
  if (state.status !== 'ready' || state.data.length === 0) return null;
  const unread = state.data.filter((m) => !m.read);
  return (
    <div className="mention-list">
      <h3>
        Mentions
        {unread.length > 0 && (
          <span className="badge badge-count" data-testid="mention-count">
            {unread.length}
          </span>
        )}
      </h3>
      <ul className="notification-list" aria-label="Mentions">
        {state.data.map((m) => (
          <li key={m.id} className={m.read ? 'notification-read' : 'notification-unread'} data-mention={m.id}>
            <Link
              href={incidentPath(workspaceId, m.incidentId)}
              onClick={() => {
                if (!m.read) void run(() => markMentionsRead(workspaceId, [m.id])).then(reload);
                onOpen();
              }}
            >
              {m.incidentTitle}
            </Link>
            {!m.read && <span className="visually-hidden"> (unread)</span>}{' '}
            <span className="muted">
              <EpochTime ms={m.at} />
            </span>
            <br />
            <span className="muted">{m.excerpt}</span>
          </li>
        ))}
      </ul>
      {unread.length > 0 && (
        <button
          type="button"
          className="button"
          onClick={() => void run(() => markMentionsRead(workspaceId)).then(reload)}
        >
          Mark mentions read
        </button>
      )}
    </div>
  );
}
