import type { GraphEdgeView, GraphNodeView, GraphView } from './parse-investigation.ts';

/**
 * Adds an expansion delta to a graph. The server skipped the events the graph already counted, so event
 * counts and co-occurrence weights add up; `involves` and `parent_child` edges are facts, not counts.
 */
export function mergeGraph(graph: GraphView, delta: GraphView): GraphView {
  const nodes = new Map<string, GraphNodeView>(graph.nodes.map((n) => [n.id, n]));
  for (const n of delta.nodes) {
    const had = nodes.get(n.id);
    nodes.set(n.id, had === undefined ? n : { ...had, events: had.events + n.events });
  }
  const edges = new Map<string, GraphEdgeView>(graph.edges.map((e) => [e.id, e]));
  for (const e of delta.edges) {
    const had = edges.get(e.id);
    edges.set(
      e.id,
      had === undefined ? e : { ...had, weight: e.kind === 'co_occurs' ? had.weight + e.weight : had.weight },
    );
  }
  return {
    from: graph.from,
    to: graph.to,
    truncated: graph.truncated || delta.truncated,
    eventIds: [...new Set([...graph.eventIds, ...delta.eventIds])],
    nodes: [...nodes.values()],
    edges: [...edges.values()],
  };
}
