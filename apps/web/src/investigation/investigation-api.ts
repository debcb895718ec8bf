// The investigation routes (apps/server/src/investigation/investigation.routes.ts).
import { apiJson } from '../api/api-client.ts';
import { parseEntityPage, parseGraph, parseTimeline, type GraphView } from './parse-investigation.ts';

/** What a timeline or graph is about. */
export interface InvestigationSubject {
  readonly kind: 'alerts' | 'incidents';
  readonly id: string;
}

const wsBase = (workspaceId: string) => `/api/v1/workspaces/${encodeURIComponent(workspaceId)}`;
const subjectBase = (workspaceId: string, s: InvestigationSubject) =>
  `${wsBase(workspaceId)}/${s.kind}/${encodeURIComponent(s.id)}`;

export interface WindowChoice {
  /** Durations such as `30m`, `1h`, `1d`. */
  readonly before: string;
  readonly after: string;
}

export async function getTimeline(
  workspaceId: string,
  subject: InvestigationSubject,
  window: WindowChoice,
  signal: AbortSignal,
) {
  const params = new URLSearchParams({ before: window.before, after: window.after });
  return parseTimeline(
    await apiJson('GET', `${subjectBase(workspaceId, subject)}/timeline?${params}`, undefined, { signal }),
  );
}

export async function getGraph(
  workspaceId: string,
  subject: InvestigationSubject,
  window: WindowChoice,
  signal: AbortSignal,
) {
  const params = new URLSearchParams({ before: window.before, after: window.after });
  return parseGraph(
    await apiJson('GET', `${subjectBase(workspaceId, subject)}/graph?${params}`, undefined, { signal }),
  );
}

/** Nodes and edges from more events naming one node's entity, within the graph's window. */
export async function expandNode(workspaceId: string, graph: GraphView, node: { id: string; kind: string }) {
  return parseGraph(
    await apiJson('POST', `${wsBase(workspaceId)}/graph/expand`, {
      kind: node.kind,
      // The node id is `kind:value`, and `process:executable#pid` for processes: the pid finds its alerts.
      value: node.id.slice(node.kind.length + 1),
      from: new Date(graph.from).toISOString(),
      to: new Date(graph.to).toISOString(),
      knownEventIds: graph.eventIds.slice(-5000),
    }),
  );
}

/** An entity page's events window: a look-back in days, or a moment ± a margin. */
export type EntityWindow =
  { readonly days: number } | { readonly at: number; readonly before: string; readonly after: string };

export async function getEntityPage(
  workspaceId: string,
  kind: string,
  value: string,
  window: EntityWindow,
  signal: AbortSignal,
) {
  const params = new URLSearchParams(
    'days' in window
      ? { days: String(window.days) }
      : { at: new Date(window.at).toISOString(), before: window.before, after: window.after },
  );
  return parseEntityPage(
    await apiJson(
      'GET',
      `${wsBase(workspaceId)}/entities/${encodeURIComponent(kind)}/${encodeURIComponent(value)}?${params}`,
      undefined,
      { signal },
    ),
  );
}
