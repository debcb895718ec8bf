// The notification centre in the top bar, on every page: a bell with the unread count, and a panel of
// recent alerts at or above the chosen severity (live), each linking to its alert and markable as read.
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from '../routing/link.tsx';
import { SEVERITIES, label } from './cases-labels.ts';
import { alertPath } from './case-links.ts';
import { EpochTime } from './epoch-time.tsx';
import { SeverityBadge } from './severity-badge.tsx';
import { useNotifications } from './use-notifications.ts';
import { MentionList } from '../incidents/mention-list.tsx';
import './cases.css';
import './notifications.css';

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
      />
    </svg>
  );
}

export function NotificationCentre({ workspaceId }: { readonly workspaceId: string }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const headingId = useId();
  const severityId = useId();
  const root = useRef<HTMLDivElement>(null);
  const { allowed, items, unread, readIds, connected, minSeverity, setMinSeverity, markRead } =
    useNotifications(workspaceId);

  // Close on Escape or a click elsewhere, like the account menu.
  useEffect(() => {
    if (!open) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    // The path, not `contains`: a clicked "Mark read" button is already gone from the DOM by now.
    const onClick = (e: MouseEvent) => {
      if (root.current === null || !e.composedPath().includes(root.current)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [open]);

  if (allowed === false) return null;
  return (
    <div className="notification-centre" ref={root}>
      <button
        type="button"
        className="button notification-bell"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <BellIcon />
        <span className="visually-hidden">Notifications, </span>
        {unread > 0 && (
          <span className="badge badge-count" data-testid="notification-count">
            {unread}
          </span>
        )}
        <span className="visually-hidden">
          {unread === 0 ? 'none unread' : unread === 1 ? ' unread alert' : ' unread alerts'}
        </span>
      </button>
      <section id={panelId} className="notification-panel" aria-labelledby={headingId} hidden={!open}>
        <h2 id={headingId}>Notifications</h2>
        {allowed === true && <MentionList workspaceId={workspaceId} onOpen={() => setOpen(false)} />}
        <div className="notification-controls">
          <div className="field">
            <label htmlFor={severityId}>Notify from severity</label>
            <select id={severityId} value={minSeverity} onChange={(e) => setMinSeverity(e.target.value)}>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {label(s)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button"
            disabled={unread === 0}
            onClick={() => markRead(items.map((n) => n.id))}
          >
            Mark all read
          </button>
        </div>
        <p className="muted" role="status">
          {connected ? 'Live: new alerts appear here.' : 'Connecting to the live stream…'}
        </p>
        {items.length === 0 ? (
          <p>No alerts of the last day at {label(minSeverity)} or above.</p>
        ) : (
          <ul className="notification-list" aria-label="Recent alerts">
            {items.map((n) => {
              const read = readIds.has(n.id);
              return (
                <li key={n.id} className={read ? 'notification-read' : 'notification-unread'}>
                  <SeverityBadge severity={n.severity} />{' '}
                  <Link
                    href={alertPath(workspaceId, n.id)}
                    onClick={() => {
                      markRead([n.id]);
                      setOpen(false);
                    }}
                  >
                    {n.title}
                  </Link>
                  {!read && <span className="visually-hidden"> (unread)</span>}{' '}
                  <span className="muted">
                    <EpochTime ms={n.createdAt} />
                  </span>
                  {!read && (
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Mark read: ${n.title}`}
                      onClick={() => markRead([n.id])}
                    >
                      Mark read
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <p>
          <Link href={alertPath(workspaceId)} onClick={() => setOpen(false)}>
            Open the alert queue
          </Link>
        </p>
      </section>
    </div>
  );
}
