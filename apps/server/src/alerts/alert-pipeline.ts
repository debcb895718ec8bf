import type { Bus, EventStore, Logger, Subscription } from '@vigil/core';
import type { AggregationResult, Alert, Detection } from '@vigil/cases';
import type { CasesRuntime } from './cases-runtime.ts';
import { idsToLookUp, toCasesDetection } from './detection-payload.ts';

/** The topic the detection stage publishes to and the durable consumer that turns it into alerts. */
export const DETECTIONS_TOPIC = 'detections';
export const ALERT_AGGREGATOR_CONSUMER = 'alert-aggregator';

/** How far before a detection's time its events are looked up (correlation windows are shorter). */
const LOOKUP_WINDOW_MS = 86_400_000;
/** Events read per detection: enough for entities and the dedup key, bounded for huge correlations. */
const MAX_EVENTS_PER_DETECTION = 50;
/** Aggregated messages remembered against redelivery. */
const REMEMBERED_MESSAGES = 1000;
/** Event ids per lookup query. */
const MAX_EVENTS_PER_QUERY = 1000;

export interface AlertPipelineOptions {
  bus: Bus;
  cases: CasesRuntime;
  /** Where detections' events are read from by id (entities, dedup key); absent = use what the message carries. */
  events?: EventStore;
  logger: Logger;
  /** Also called with the alerts each batch created (after they are stored). */
  onCreated?: (alerts: readonly Alert[]) => void;
}

export interface AlertPipelineCounters {
  batches: number;
  detections: number;
  malformed: number;
  /** Detections already processed (by this or another process) before a redelivery: not counted again. */
  replayed: number;
  created: number;
  updated: number;
  suppressed: number;
  excepted: number;
  grouped: number;
}

export interface RunningAlertPipeline {
  readonly counters: AlertPipelineCounters;
  stop(): Promise<void>;
}

/**
 * The alert pipeline (issue 5): consumes `detections` as the durable consumer `alert-aggregator`, runs the
 * AlertAggregator (exceptions → suppression → dedup) then the IncidentGrouper on the new alerts, and
 * acks only once both are stored (the handler resolves after persistence; a failure redelivers).
 */
export async function startAlertPipeline(options: AlertPipelineOptions): Promise<RunningAlertPipeline> {
  const { bus, cases, logger } = options;
  const counters: AlertPipelineCounters = {
    batches: 0,
    detections: 0,
    malformed: 0,
    replayed: 0,
    created: 0,
    updated: 0,
    suppressed: 0,
    excepted: 0,
    grouped: 0,
  };
  // Messages this process already aggregated: a redelivery (grouping failed, or the ack was lost) only
  // retries the grouping. Bounded, oldest dropped first. Across processes (a crashed worker) the store's
  // processed-detection ids keep the aggregator from counting the same detections twice.
  const aggregated = new Map<string, { result: AggregationResult }>();
  const subscription: Subscription = await bus.subscribe<unknown>(
    DETECTIONS_TOPIC,
    ALERT_AGGREGATOR_CONSUMER,
    async (delivery) => {
      let done = aggregated.get(delivery.id);
      if (done === undefined) {
        const detections = await resolveDetections(delivery.batch, options.events);
        const malformed = delivery.batch.length - detections.length;
        if (malformed > 0) logger.warn({ malformed, message: delivery.id }, 'malformed detections skipped');
        done = { result: await cases.aggregator.ingest(detections) };
        aggregated.set(delivery.id, done);
        counters.batches += 1;
        counters.detections += detections.length;
        counters.malformed += malformed;
        counters.replayed += done.result.replayed;
        counters.created += done.result.created.length;
        counters.updated += done.result.updated.length;
        counters.suppressed += done.result.suppressed;
        counters.excepted += done.result.excepted;
        if (aggregated.size > REMEMBERED_MESSAGES) {
          const oldest = aggregated.keys().next().value;
          if (oldest !== undefined) aggregated.delete(oldest);
        }
      } else {
        logger.info(
          { message: delivery.id, attempt: delivery.attempt },
          'redelivered detections: grouping only',
        );
      }
      const { result } = done;
      const outcomes = await cases.grouper.group(result.created);
      counters.grouped += outcomes.filter((o) => o.action === 'joined' || o.action === 'opened').length;
      if (result.created.length > 0) {
        // Tell listeners about the stored alerts, incident links included.
        const stored = await storedAlerts(cases, result.created);
        cases.notifier.publish(stored);
        options.onCreated?.(stored);
      }
      logger.debug(
        { created: result.created.length, updated: result.updated.length, suppressed: result.suppressed },
        'detections aggregated',
      );
    },
    { maxInFlight: 1 },
  );
  return { counters, stop: () => subscription.stop() };
}

async function storedAlerts(cases: CasesRuntime, created: readonly Alert[]): Promise<Alert[]> {
  const byWorkspace = new Map<string, string[]>();
  for (const a of created) byWorkspace.set(a.workspace, [...(byWorkspace.get(a.workspace) ?? []), a.id]);
  const out: Alert[] = [];
  for (const [ws, ids] of byWorkspace) out.push(...(await cases.alerts.getMany(ws, ids)));
  return out;
}

/**
 * Converts a bus batch, reading the events of detections that carry only their ids: one query per
 * workspace (ids of the whole batch, time range covering all of them), not one per detection.
 */
async function resolveDetections(batch: readonly unknown[], events?: EventStore): Promise<Detection[]> {
  const lookups = batch.map((item) => (events === undefined ? undefined : idsToLookUp(item)));
  const byWorkspace = new Map<string, { ids: Set<string>; from: number; to: number }>();
  for (const l of lookups) {
    if (l === undefined) continue;
    const w = byWorkspace.get(l.workspace) ?? { ids: new Set<string>(), from: l.time, to: l.time };
    for (const id of l.ids.slice(0, MAX_EVENTS_PER_DETECTION)) w.ids.add(id);
    w.from = Math.min(w.from, l.time);
    w.to = Math.max(w.to, l.time);
    byWorkspace.set(l.workspace, w);
  }
  const found = new Map<string, Record<string, unknown>>();
  for (const [workspace, w] of byWorkspace) {
    const ids = [...w.ids];
    for (let i = 0; i < ids.length && events !== undefined; i += MAX_EVENTS_PER_QUERY) {
      const chunk = ids.slice(i, i + MAX_EVENTS_PER_QUERY);
      const page = await events.query({
        workspace,
        from: w.from - LOOKUP_WINDOW_MS,
        to: w.to + 1,
        filter: { field: 'vigil.id', op: 'in', values: chunk },
        limit: chunk.length,
      });
      for (const e of page.events) found.set(`${workspace}\u0000${e.vigil.id}`, e);
    }
  }
  const out: Detection[] = [];
  batch.forEach((item, i) => {
    const l = lookups[i];
    const own =
      l === undefined
        ? []
        : l.ids.slice(0, MAX_EVENTS_PER_DETECTION).flatMap((id) => {
            const e = found.get(`${l.workspace}\u0000${id}`);
            return e === undefined ? [] : [e];
          });
    const detection = toCasesDetection(item, own);
    if (detection !== undefined) out.push(detection);
  });
  return out;
}
