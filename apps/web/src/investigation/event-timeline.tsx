import { EpochTime } from '../alerts/epoch-time.tsx';
import { Link } from '../routing/link.tsx';
import { alertPath } from '../alerts/case-links.ts';
import { entityPath, hasEntityPage } from './entity-path.ts';
import { eventHost, eventSummary } from './event-summary.ts';
import type { TimelineView } from './parse-investigation.ts';

function EntityLink({
  workspaceId,
  entityKey,
  at,
}: {
  readonly workspaceId: string;
  readonly entityKey: string;
  /** The event's time: the entity page opens around it. */
  readonly at: number;
}) {
  const i = entityKey.indexOf(':');
  const kind = entityKey.slice(0, i);
  const value = entityKey.slice(i + 1);
  return hasEntityPage(kind) ? (
    <Link href={entityPath(workspaceId, kind, value, at)}>{entityKey}</Link>
  ) : (
    <code>{entityKey}</code>
  );
}

/** Events around alerts or an entity, oldest first; rows of an alert's own events are marked. */
export function EventTimeline({
  workspaceId,
  timeline,
  caption,
}: {
  readonly workspaceId: string;
  readonly timeline: TimelineView;
  readonly caption: string;
}) {
  return (
    <>
      {timeline.truncated && (
        <p className="muted" role="note">
          More events fell in this window than are shown: the ones linked to alerts and nearest the middle are
          listed. Narrow the window to see the rest.
        </p>
      )}
      {timeline.entries.length === 0 ? (
        <p className="muted">No stored events in this window.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table event-timeline" data-rows={timeline.entries.length}>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Host</th>
                <th scope="col">Event</th>
                <th scope="col">Related to</th>
              </tr>
            </thead>
            <tbody>
              {timeline.entries.map((row) => (
                <tr
                  key={row.id}
                  data-event-id={row.id}
                  className={row.alertIds.length > 0 ? 'timeline-alert-row' : undefined}
                >
                  <td>
                    <EpochTime ms={row.at} />
                  </td>
                  <td>{eventHost(row.event) ?? '—'}</td>
                  <td className="break-all">{eventSummary(row.event)}</td>
                  <td>
                    <ul className="plain-list">
                      {row.alertIds.map((id) => (
                        <li key={id}>
                          <Link href={alertPath(workspaceId, id)}>alert {id}</Link>
                        </li>
                      ))}
                      {row.entityKeys.map((k) => (
                        <li key={k}>
                          <EntityLink workspaceId={workspaceId} entityKey={k} at={row.at} />
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
