import { Link } from '../routing/link.tsx';
import { alertPath } from '../alerts/case-links.ts';
import { entityPath, hasEntityPage } from './entity-path.ts';
import type { GraphNodeView, GraphView } from './parse-investigation.ts';

const edgeWords: Record<string, string> = {
  involves: 'involves',
  co_occurs: 'seen with',
  parent_child: 'started',
};

function NodeName({ workspaceId, node }: { readonly workspaceId: string; readonly node: GraphNodeView }) {
  if (node.kind === 'alert') return <Link href={alertPath(workspaceId, node.value)}>{node.label}</Link>;
  if (hasEntityPage(node.kind))
    return <Link href={entityPath(workspaceId, node.kind, node.value)}>{node.label}</Link>;
  return <code>{node.label}</code>;
}

/** The graph as lists: every node (with its expand button) and every edge, for keyboards and screen readers. */
export function GraphList({
  workspaceId,
  graph,
  onExpand,
  expanding,
}: {
  readonly workspaceId: string;
  readonly graph: GraphView;
  readonly onExpand: (node: GraphNodeView) => void;
  readonly expanding: string | undefined;
}) {
  const labelOf = new Map(graph.nodes.map((n) => [n.id, `${n.kind.replaceAll('_', ' ')} ${n.label}`]));
  return (
    <details className="graph-list">
      <summary>
        Nodes ({graph.nodes.length}) and edges ({graph.edges.length}) as a list
      </summary>
      <ul aria-label="Graph nodes" className="plain-list">
        {graph.nodes.map((n) => (
          <li key={n.id} data-node={n.id}>
            {n.kind.replaceAll('_', ' ')} <NodeName workspaceId={workspaceId} node={n} />{' '}
            <span className="muted">({n.events} events)</span>{' '}
            {n.kind !== 'alert' && (
              <button
                type="button"
                className="link-button"
                disabled={expanding !== undefined}
                onClick={() => onExpand(n)}
                aria-label={`Expand ${labelOf.get(n.id) ?? n.id}`}
              >
                {expanding === n.id ? 'Expanding…' : 'Expand'}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ul aria-label="Graph edges" className="plain-list">
        {graph.edges.map((e) => (
          <li key={e.id} data-edge={e.id}>
            {labelOf.get(e.source) ?? e.source} {edgeWords[e.kind] ?? e.kind}{' '}
            {labelOf.get(e.target) ?? e.target}
            {e.kind === 'co_occurs' && <span className="muted"> ({e.weight} events)</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}
