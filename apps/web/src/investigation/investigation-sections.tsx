import { useState } from 'react';
import { useLoad } from '../admin/use-load.ts';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { DetailSection } from '../alerts/detail-section.tsx';
import { alertPath } from '../alerts/case-links.ts';
import { navigate } from '../routing/location-store.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { entityPath, hasEntityPage } from './entity-path.ts';
import { EventTimeline } from './event-timeline.tsx';
import { GraphCanvas } from './graph-canvas.tsx';
import { GraphList } from './graph-list.tsx';
import {
  expandNode,
  getGraph,
  getTimeline,
  type InvestigationSubject,
  type WindowChoice,
} from './investigation-api.ts';
import { mergeGraph } from './merge-graph.ts';
import type { GraphNodeView, GraphView } from './parse-investigation.ts';
import { WindowPicker } from './window-picker.tsx';
import './investigation.css';

function GraphSection({
  workspaceId,
  initial,
}: {
  readonly workspaceId: string;
  readonly initial: GraphView;
}) {
  const [graph, setGraph] = useState(initial);
  const [expanding, setExpanding] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const expand = (node: GraphNodeView) => {
    if (node.kind === 'alert' || expanding !== undefined) return;
    setExpanding(node.id);
    setError(null);
    expandNode(workspaceId, graph, node).then(
      (delta) => {
        setGraph((g) => mergeGraph(g, delta));
        setExpanding(undefined);
      },
      (e: unknown) => {
        setError(asApiError(e));
        setExpanding(undefined);
      },
    );
  };
  const open = (node: GraphNodeView) => {
    if (node.kind === 'alert') navigate(alertPath(workspaceId, node.value));
    else if (hasEntityPage(node.kind)) navigate(entityPath(workspaceId, node.kind, node.value));
  };
  return (
    <>
      <p className="muted">
        Click a node to pull in more events naming it; double-click a host, user, IP or alert to open it.
        {graph.truncated && ' Only the busiest nodes are shown.'}
      </p>
      {expanding !== undefined && <p role="status">Expanding {expanding}…</p>}
      <ErrorBanner error={error} />
      <GraphCanvas graph={graph} onExpand={expand} onOpen={open} />
      <GraphList workspaceId={workspaceId} graph={graph} onExpand={expand} expanding={expanding} />
    </>
  );
}

/**
 * The event timeline and the entity graph of an alert or incident, as two sections of its detail page,
 * sharing one window choice.
 */
export function InvestigationSections({
  workspaceId,
  subject,
}: {
  readonly workspaceId: string;
  readonly subject: InvestigationSubject;
}) {
  const [span, setSpan] = useState<WindowChoice>({ before: '1h', after: '1h' });
  const key = `${workspaceId} ${subject.kind} ${subject.id} ${span.before} ${span.after}`;
  const timeline = useLoad(key, (signal) => getTimeline(workspaceId, subject, span, signal));
  const graph = useLoad(key, (signal) => getGraph(workspaceId, subject, span, signal));
  return (
    <>
      <DetailSection title="Event timeline">
        <WindowPicker value={span} onChange={setSpan} />
        {timeline.state.status === 'loading' && <p role="status">Loading the events…</p>}
        {timeline.state.status === 'failed' && <ErrorBanner error={timeline.state.error} />}
        {timeline.state.status === 'ready' && (
          <EventTimeline
            workspaceId={workspaceId}
            timeline={timeline.state.data}
            caption="Events around the alerts"
          />
        )}
      </DetailSection>
      <DetailSection title="Entity graph">
        {graph.state.status === 'loading' && <p role="status">Loading the graph…</p>}
        {graph.state.status === 'failed' && <ErrorBanner error={graph.state.error} />}
        {graph.state.status === 'ready' && (
          <GraphSection key={key} workspaceId={workspaceId} initial={graph.state.data} />
        )}
      </DetailSection>
    </>
  );
}
