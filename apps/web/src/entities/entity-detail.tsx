import { useState } from 'react';
import { useLoad } from '../admin/use-load.ts';
import { EpochTime } from '../alerts/epoch-time.tsx';
import { DetailSection } from '../alerts/detail-section.tsx';
import { SeverityBadge } from '../alerts/severity-badge.tsx';
import { alertPath, incidentPath } from '../alerts/case-links.ts';
import { Link } from '../routing/link.tsx';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { EventTimeline } from '../investigation/event-timeline.tsx';
import { getEntityPage } from '../investigation/investigation-api.ts';
import type { EntityWindow } from '../investigation/investigation-api.ts';
import type { CaseSummaryView, TimelineView } from '../investigation/parse-investigation.ts';
import { EntityWindowForm } from './entity-window-form.tsx';
import { entityWindowFromSearch, entityWindowSearch } from './entity-window.ts';

function CaseTable({
  rows,
  caption,
  pathOf,
}: {
  readonly rows: readonly CaseSummaryView[];
  readonly caption: string;
  readonly pathOf: (id: string) => string;
}) {
  if (rows.length === 0) return <p className="muted">None.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Severity</th>
            <th scope="col">Status</th>
            <th scope="col">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-id={r.id}>
              <td>
                <Link href={pathOf(r.id)}>{r.title}</Link>
              </td>
              <td>
                <SeverityBadge severity={r.severity} />
              </td>
              <td>{r.status.replaceAll('_', ' ')}</td>
              <td>
                <EpochTime ms={r.lastSeenAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One host, user or IP: first/last seen, related alerts and incidents, recent events. */
export function EntityDetail({
  workspaceId,
  kind,
  value,
}: {
  readonly workspaceId: string;
  readonly kind: string;
  readonly value: string;
}) {
  const [win, setWin] = useState<EntityWindow>(() => entityWindowFromSearch(window.location.search));
  const [now] = useState(() => Date.now());
  const choose = (next: EntityWindow) => {
    setWin(next);
    // The choice stays in the address (bookmarks, reloads) without a new history entry per change.
    const search = entityWindowSearch(window.location.search, next);
    window.history.replaceState(null, '', window.location.pathname + search);
  };
  const { state } = useLoad(`${kind} ${value} ${JSON.stringify(win)}`, (signal) =>
    getEntityPage(workspaceId, kind, value, win, signal),
  );
  const form = <EntityWindowForm value={win} onChange={choose} now={now} />;
  if (state.status === 'loading')
    return (
      <>
        {form}
        <p role="status">Loading the entity…</p>
      </>
    );
  if (state.status === 'failed')
    return (
      <>
        {form}
        <ErrorBanner error={state.error} />
      </>
    );
  const e = state.data;
  const around = e.at !== undefined;
  const recent: TimelineView = {
    from: 0,
    to: 0,
    truncated: e.eventsTruncated,
    entries: e.recentEvents.map((event, i) => {
      const vigil = event['vigil'];
      const id =
        vigil !== null && typeof vigil === 'object'
          ? String((vigil as Record<string, unknown>)['id'])
          : String(i);
      const at = Date.parse(String(event['@timestamp']));
      return { id, at: Number.isFinite(at) ? at : 0, alertIds: [], entityKeys: [], event };
    }),
  };
  return (
    <>
      <h2 className="case-title">
        <code>{e.value}</code>
      </h2>
      {form}
      <DetailSection title="Seen">
        <dl className="facts">
          <dt>First seen</dt>
          <dd>{e.firstSeenAt === undefined ? 'Not in this window' : <EpochTime ms={e.firstSeenAt} />}</dd>
          <dt>Last seen</dt>
          <dd>{e.lastSeenAt === undefined ? '—' : <EpochTime ms={e.lastSeenAt} />}</dd>
        </dl>
      </DetailSection>
      <DetailSection title={`Alerts (${e.alerts.length})`}>
        <CaseTable rows={e.alerts} caption="Related alerts" pathOf={(id) => alertPath(workspaceId, id)} />
      </DetailSection>
      <DetailSection title={`Incidents (${e.incidents.length})`}>
        <CaseTable
          rows={e.incidents}
          caption="Related incidents"
          pathOf={(id) => incidentPath(workspaceId, id)}
        />
      </DetailSection>
      <DetailSection title={around ? 'Events around the moment' : 'Recent events'}>
        <EventTimeline
          workspaceId={workspaceId}
          timeline={recent}
          caption={around ? 'Events nearest the moment, newest first' : 'Recent events, newest first'}
        />
      </DetailSection>
    </>
  );
}
