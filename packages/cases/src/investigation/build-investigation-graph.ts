import type { Entity } from '../alerts/entity.ts';
import type { InvestigationAlert } from './investigation-alert.ts';
import { eventEntities, storedEventId } from './event-entities.ts';
import {
  maxGraphNodes,
  type GraphEdge,
  type GraphEdgeKind,
  type GraphNode,
  type InvestigationGraph,
} from './investigation-graph.ts';
import { processLineage } from './process-lineage.ts';

export interface GraphInput {
  alerts: readonly InvestigationAlert[];
  events: readonly Record<string, unknown>[];
  /** Event ids already counted by the caller's graph (expansion): skipped, so weights add up exactly. */
  knownEventIds?: readonly string[];
  maxNodes?: number;
  /** The store returned fewer events than matched. */
  storeTruncated?: boolean;
}

export const alertNodeId = (id: string): string => `alert:${id}`;

function entityLabel(e: Entity): string {
  if (e.type !== 'process') return e.value;
  const name = e.value.slice(Math.max(e.value.lastIndexOf('\\'), e.value.lastIndexOf('/')) + 1);
  return e.attributes['pid'] === undefined ? name : `${name} (${String(e.attributes['pid'])})`;
}

/**
 * The entity graph of alerts and events: entity and alert nodes; `involves` edges from each alert to its
 * entities, `co_occurs` edges between entities named by the same event (weighted by the number of events)
 * and `parent_child` edges between processes. Over `maxNodes`, alerts are kept first, then the entities
 * seen in most events, and edges to dropped nodes go too.
 */
export function buildInvestigationGraph(input: GraphInput): InvestigationGraph {
  const known = new Set(input.knownEventIds ?? []);
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const addNode = (node: Omit<GraphNode, 'events'>, events: number): void => {
    const had = nodes.get(node.id);
    if (had === undefined) nodes.set(node.id, { ...node, events });
    else had.events += events;
  };
  const addEdge = (kind: GraphEdgeKind, source: string, target: string, weight = 1): void => {
    const id = `${kind}:${source}|${target}`;
    const had = edges.get(id);
    if (had === undefined) edges.set(id, { id, kind, source, target, weight });
    else had.weight += kind === 'co_occurs' ? weight : 0;
  };
  const entityNode = (e: Entity, events: number) =>
    addNode({ id: e.key, kind: e.type, value: e.value, label: entityLabel(e) }, events);

  const linkedBy = new Map<string, string[]>();
  for (const alert of input.alerts) {
    addNode(
      {
        id: alertNodeId(alert.id),
        kind: 'alert',
        value: alert.id,
        label: alert.title,
        severity: alert.severity,
      },
      0,
    );
    for (const e of alert.entities) {
      entityNode(e, 0);
      addEdge('involves', alertNodeId(alert.id), e.key);
    }
    for (const id of alert.eventIds) linkedBy.set(id, [...(linkedBy.get(id) ?? []), alert.id]);
  }

  const counted: { event: Record<string, unknown>; entities: Entity[] }[] = [];
  const seen = new Set<string>();
  for (const event of input.events) {
    const id = storedEventId(event);
    if (id === '' || seen.has(id) || known.has(id)) continue;
    seen.add(id);
    const entities = eventEntities(event);
    counted.push({ event, entities });
    for (const e of entities) entityNode(e, 1);
    for (const alertId of linkedBy.get(id) ?? []) {
      const node = nodes.get(alertNodeId(alertId));
      if (node !== undefined) node.events += 1;
    }
    for (let i = 0; i < entities.length; i++) {
      for (let j = i + 1; j < entities.length; j++) {
        const a = entities[i];
        const b = entities[j];
        // Two processes of one event are parent and child: that edge says more than co-occurrence.
        if (a === undefined || b === undefined || (a.type === 'process' && b.type === 'process')) continue;
        const [source, target] = a.key < b.key ? [a.key, b.key] : [b.key, a.key];
        addEdge('co_occurs', source, target);
      }
    }
  }
  for (const [parent, child] of processLineage(counted)) {
    if (nodes.has(parent) && nodes.has(child)) addEdge('parent_child', parent, child);
  }
  return bound(nodes, edges, [...seen], input.maxNodes ?? maxGraphNodes, input.storeTruncated === true);
}

function bound(
  nodes: Map<string, GraphNode>,
  edges: Map<string, GraphEdge>,
  eventIds: string[],
  maxNodes: number,
  storeTruncated: boolean,
): InvestigationGraph {
  let kept = [...nodes.values()];
  const truncated = kept.length > maxNodes;
  if (truncated) {
    kept = kept
      .sort(
        (a, b) =>
          Number(b.kind === 'alert') - Number(a.kind === 'alert') ||
          b.events - a.events ||
          (a.id < b.id ? -1 : 1),
      )
      .slice(0, maxNodes);
  }
  const ids = new Set(kept.map((n) => n.id));
  return {
    nodes: kept.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    edges: [...edges.values()].filter((e) => ids.has(e.source) && ids.has(e.target)),
    eventIds,
    truncated: truncated || storeTruncated,
  };
}
