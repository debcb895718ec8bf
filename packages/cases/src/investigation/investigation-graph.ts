import type { EntityType } from '../alerts/entity.ts';
import type { Severity } from '../alerts/severity.ts';

export type GraphNodeKind = EntityType | 'alert';
export const graphEdgeKinds = ['involves', 'co_occurs', 'parent_child'] as const;
export type GraphEdgeKind = (typeof graphEdgeKinds)[number];

/** An entity (id = entity key, e.g. `host:ws01`) or an alert (id = `alert:<id>`). */
export interface GraphNode {
  id: string;
  kind: GraphNodeKind;
  /** Normalised entity value, or the alert id. */
  value: string;
  label: string;
  /** Events of the graph that name this entity (alerts: their linked events in the graph). */
  events: number;
  severity?: Severity;
}

/** `involves`: alert → entity; `co_occurs`: two entities in the same events (weight = events); `parent_child`: parent process → child. */
export interface GraphEdge {
  id: string;
  kind: GraphEdgeKind;
  source: string;
  target: string;
  weight: number;
}

export interface InvestigationGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Events counted in the graph; an expansion passes them back so no event is counted twice. */
  eventIds: string[];
  /** True when nodes were left out to stay under the node limit (or events were cut by the store). */
  truncated: boolean;
}

/** Most nodes a graph or a delta answers: beyond a few hundred a picture stops helping. */
export const maxGraphNodes = 300;
