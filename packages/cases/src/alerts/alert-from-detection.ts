import type { Clock, IdGenerator } from '@vigil/core';
import { activity } from '../activity/activity-entry.ts';
import { attackFromTags, type TechniqueTactics } from '../attack/attack-tags.ts';
import { alertDedupKey } from './alert-dedup-key.ts';
import { maxEventIdsPerAlert, type Alert } from './alert.ts';
import type { Detection } from './detection.ts';
import { extractEntities } from './extract-entities.ts';
import { severityFromLevel } from './severity.ts';

export interface AlertContext {
  ids: IdGenerator;
  clock: Clock;
  /** Technique → tactics from the ATT&CK bundle, so technique-only tags still land on a tactic. */
  techniqueTactics?: TechniqueTactics;
  /** Dedup key (the aggregator computes it from the rule's group fields); default rule + host + user. */
  dedupKey?: string;
  /** How long (ms, platform time) repeats fold into the new alert. Default 1 h. */
  dedupWindowMs?: number;
}

const statusConfidence: Record<string, number> = { stable: 80, test: 60, experimental: 40, deprecated: 30 };

/** Event time of a stored event, else undefined. */
function eventTime(event: Record<string, unknown>): number | undefined {
  const ts = event['@timestamp'];
  const ms = typeof ts === 'number' ? ts : typeof ts === 'string' ? Date.parse(ts) : Number.NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

/** `vigil.id` of each event plus explicit ids, without duplicates, capped. */
export function detectionEventIds(detection: Detection): string[] {
  const ids = new Set<string>(detection.eventIds ?? []);
  for (const e of detection.events) {
    const meta = e['vigil'];
    const id =
      meta !== null && typeof meta === 'object' ? (meta as Record<string, unknown>)['id'] : undefined;
    if (typeof id === 'string' && id !== '') ids.add(id);
    if (ids.size >= maxEventIdsPerAlert) break;
  }
  return [...ids].slice(0, maxEventIdsPerAlert);
}

/** Event-time span of a detection: min/max of the events' `@timestamp`, else `time`. */
export function detectionSpan(detection: Detection): { first: number; last: number } {
  const times = detection.events.map(eventTime).filter((t): t is number => t !== undefined);
  if (times.length === 0) return { first: detection.time, last: detection.time };
  return { first: Math.min(...times), last: Math.max(detection.time, ...times) };
}

function dataSourceOf(detection: Detection): string {
  if (detection.dataSource !== undefined) return detection.dataSource;
  for (const e of detection.events) {
    const ev = e['event'];
    const dataset =
      ev !== null && typeof ev === 'object' ? (ev as Record<string, unknown>)['dataset'] : e['event.dataset'];
    if (typeof dataset === 'string' && dataset !== '') return dataset;
  }
  const ls = detection.rule.logsource;
  const parts = [ls?.product, ls?.service ?? ls?.category].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join('/') : 'unknown';
}

/**
 * A new alert from a detection (single-event match or correlation hit): severity from the Sigma level,
 * ATT&CK from the tags, entities from the events, confidence from the rule status.
 * Example: `alertFromDetection(detection, { ids, clock })`.
 */
export function alertFromDetection(detection: Detection, ctx: AlertContext): Alert {
  const now = ctx.clock.now();
  const attack = attackFromTags(detection.rule.tags, ctx.techniqueTactics);
  const entities = extractEntities(detection.events);
  const span = detectionSpan(detection);
  const rule = detection.rule;
  const alert: Alert = {
    id: ctx.ids.next(),
    workspace: detection.workspace,
    version: 1,
    title: rule.title,
    rule: rule.version === undefined ? { id: rule.id } : { id: rule.id, version: rule.version },
    severity: severityFromLevel(rule.level),
    confidence: Math.max(0, Math.min(100, detection.confidence ?? statusConfidence[rule.status ?? ''] ?? 50)),
    category: attack.tactics.at(-1) ?? rule.logsource?.category ?? 'uncategorized',
    tactics: attack.tactics,
    techniques: attack.techniques,
    source: detection.kind,
    firstSeenAt: span.first,
    lastSeenAt: span.last,
    count: 1,
    dataSource: dataSourceOf(detection),
    entities,
    entityKeys: entities.map((e) => e.key),
    eventIds: detectionEventIds(detection),
    dedupKey: ctx.dedupKey ?? alertDedupKey(detection),
    dedupUntil: now + (ctx.dedupWindowMs ?? 3_600_000),
    status: 'open',
    verification: 'unknown',
    labels: [],
    createdAt: now,
    updatedAt: now,
    activity: [activity(now, 'system:detection', 'created', { note: `rule ${rule.id} fired` })],
  };
  if (rule.description !== undefined) alert.description = rule.description;
  if (rule.remediation !== undefined) alert.remediation = rule.remediation;
  if (detection.correlationType !== undefined) alert.correlationType = detection.correlationType;
  return alert;
}
