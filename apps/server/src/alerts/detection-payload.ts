import type { Detection as CasesDetection, DetectionKind } from '@vigil/cases';

/** Bus message shape published by the detection service (see detection/detection-event.ts). */
interface BusDetection {
  id?: string;
  kind: string;
  workspace: string;
  dataSpace?: string;
  rule: {
    id: string;
    version?: number;
    title?: string;
    name?: string;
    level?: string;
    status?: string;
    tags?: string[];
    description?: string;
  };
  eventIds?: string[];
  events?: Record<string, unknown>[];
  time: string | number;
  correlation?: { type?: string; group?: Record<string, unknown> };
  /** Cases-shaped detections carry these directly. */
  correlationType?: string;
  group?: Record<string, unknown>;
  dataSource?: string;
  confidence?: number;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function looksValid(v: unknown): v is BusDetection {
  if (!isObject(v) || typeof v['workspace'] !== 'string' || v['workspace'] === '') return false;
  const rule = v['rule'];
  if (!isObject(rule) || typeof rule['id'] !== 'string') return false;
  const time = v['time'];
  return (typeof time === 'string' && Number.isFinite(Date.parse(time))) || typeof time === 'number';
}

const kinds: Record<string, DetectionKind> = {
  match: 'event',
  event: 'event',
  correlation: 'correlation',
  scheduled: 'scheduled',
  api: 'api',
  import: 'import',
};

/** Sets `a.b.c` on a plain object (for events synthesised from a correlation's group values). */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (!isObject(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1) ?? path] = value;
}

/**
 * Converts a message of the `detections` topic into the cases domain Detection. Accepts both the
 * detection service's shape (`kind: match|correlation`, ISO `time`, `eventIds`, `correlation.group`)
 * and the domain shape. `events` are the stored events looked up by id (when the payload has none); a
 * correlation's group values are added as one synthetic event so that its entities are not lost.
 * Returns undefined for a malformed item (counted and skipped by the pipeline).
 */
export function toCasesDetection(
  item: unknown,
  events: readonly Record<string, unknown>[] = [],
): CasesDetection | undefined {
  if (!looksValid(item)) return undefined;
  const rule = item.rule;
  const group = item.group ?? item.correlation?.group;
  const own = Array.isArray(item.events) ? item.events.filter(isObject) : [];
  const found = own.length > 0 ? own : [...events];
  if (group !== undefined && found.length === 0) {
    const synthetic: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(group)) setPath(synthetic, field, value);
    found.push(synthetic);
  }
  const time = typeof item.time === 'number' ? item.time : Date.parse(item.time);
  const detection: CasesDetection = {
    workspace: item.workspace,
    rule: {
      id: rule.id,
      title: rule.title ?? rule.name ?? rule.id,
      tags: Array.isArray(rule.tags) ? rule.tags.filter((t) => typeof t === 'string') : [],
      ...(typeof rule.version === 'number' ? { version: rule.version } : {}),
      ...(typeof rule.level === 'string' ? { level: rule.level } : {}),
      ...(typeof rule.status === 'string' ? { status: rule.status } : {}),
      ...(typeof rule.description === 'string' ? { description: rule.description } : {}),
    },
    kind: kinds[item.kind] ?? 'event',
    events: found,
    time,
  };
  if (typeof item.id === 'string' && item.id !== '') detection.id = item.id;
  if (Array.isArray(item.eventIds)) detection.eventIds = item.eventIds.filter((e) => typeof e === 'string');
  const correlationType = item.correlationType ?? item.correlation?.type;
  if (correlationType !== undefined) detection.correlationType = correlationType;
  if (group !== undefined) detection.group = group;
  if (typeof item.dataSource === 'string') detection.dataSource = item.dataSource;
  if (typeof item.confidence === 'number') detection.confidence = item.confidence;
  return detection;
}

/** Event ids a bus detection needs looked up (none when it carries its events). */
export function idsToLookUp(item: unknown): { workspace: string; ids: string[]; time: number } | undefined {
  if (!looksValid(item) || (Array.isArray(item.events) && item.events.length > 0)) return undefined;
  const ids = (item.eventIds ?? []).filter((e) => typeof e === 'string');
  if (ids.length === 0) return undefined;
  const time = typeof item.time === 'number' ? item.time : Date.parse(item.time);
  return { workspace: item.workspace, ids, time };
}
