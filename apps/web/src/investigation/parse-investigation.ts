// Readers for the investigation answers (apps/server/src/investigation): a field of the wrong type reads
// as absent, and rows without their identity are dropped instead of breaking the page.
import { obj, objects, str, strs, type Json } from '../admin/parse.ts';

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export interface TimelineRow {
  readonly id: string;
  readonly at: number;
  readonly alertIds: readonly string[];
  readonly entityKeys: readonly string[];
  readonly event: Json;
}

export interface TimelineView {
  readonly from: number;
  readonly to: number;
  readonly truncated: boolean;
  readonly entries: readonly TimelineRow[];
}

export interface GraphNodeView {
  readonly id: string;
  readonly kind: string;
  readonly value: string;
  readonly label: string;
  readonly events: number;
  readonly severity: string | undefined;
}

export interface GraphEdgeView {
  readonly id: string;
  readonly kind: string;
  readonly source: string;
  readonly target: string;
  readonly weight: number;
}

export interface GraphView {
  readonly from: number;
  readonly to: number;
  readonly truncated: boolean;
  readonly eventIds: readonly string[];
  readonly nodes: readonly GraphNodeView[];
  readonly edges: readonly GraphEdgeView[];
}

export function parseTimeline(body: unknown): TimelineView {
  const o = obj(body);
  return {
    from: num(o['from']) ?? 0,
    to: num(o['to']) ?? 0,
    truncated: o['truncated'] === true,
    entries: objects(o['entries']).flatMap((e) => {
      const id = str(e['id']);
      const at = num(e['at']);
      if (id === undefined || at === undefined) return [];
      return [
        { id, at, alertIds: strs(e['alertIds']), entityKeys: strs(e['entityKeys']), event: obj(e['event']) },
      ];
    }),
  };
}

export function parseGraph(body: unknown): GraphView {
  const o = obj(body);
  const nodes = objects(o['nodes']).flatMap((n) => {
    const id = str(n['id']);
    const kind = str(n['kind']);
    if (id === undefined || kind === undefined) return [];
    const value = str(n['value']) ?? id;
    return [
      {
        id,
        kind,
        value,
        label: str(n['label']) ?? value,
        events: num(n['events']) ?? 0,
        severity: str(n['severity']),
      },
    ];
  });
  const ids = new Set(nodes.map((n) => n.id));
  const edges = objects(o['edges']).flatMap((e) => {
    const id = str(e['id']);
    const source = str(e['source']);
    const target = str(e['target']);
    if (id === undefined || source === undefined || target === undefined) return [];
    if (!ids.has(source) || !ids.has(target)) return [];
    return [{ id, kind: str(e['kind']) ?? 'co_occurs', source, target, weight: num(e['weight']) ?? 1 }];
  });
  return {
    from: num(o['from']) ?? 0,
    to: num(o['to']) ?? 0,
    truncated: o['truncated'] === true,
    eventIds: strs(o['eventIds']),
    nodes,
    edges,
  };
}

export interface CaseSummaryView {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  readonly status: string;
  readonly lastSeenAt: number | undefined;
}

export interface EntityPageView {
  readonly kind: string;
  readonly value: string;
  readonly firstSeenAt: number | undefined;
  readonly lastSeenAt: number | undefined;
  readonly alerts: readonly CaseSummaryView[];
  readonly incidents: readonly CaseSummaryView[];
  readonly recentEvents: readonly Json[];
  readonly eventsTruncated: boolean;
  /** The events window read, epoch ms; `at` is set for a window around a moment. */
  readonly from: number | undefined;
  readonly to: number | undefined;
  readonly at: number | undefined;
}

const cases = (v: unknown): CaseSummaryView[] =>
  objects(v).flatMap((c) => {
    const id = str(c['id']);
    if (id === undefined) return [];
    return [
      {
        id,
        title: str(c['title']) ?? id,
        severity: str(c['severity']) ?? 'informational',
        status: str(c['status']) ?? 'open',
        lastSeenAt: num(c['lastSeenAt']),
      },
    ];
  });

export function parseEntityPage(body: unknown): EntityPageView {
  const o = obj(body);
  return {
    kind: str(o['kind']) ?? '',
    value: str(o['value']) ?? '',
    firstSeenAt: num(o['firstSeenAt']),
    lastSeenAt: num(o['lastSeenAt']),
    alerts: cases(o['alerts']),
    incidents: cases(o['incidents']),
    recentEvents: objects(o['recentEvents']),
    eventsTruncated: o['eventsTruncated'] === true,
    from: num(o['from']),
    to: num(o['to']),
    at: num(o['at']),
  };
}
