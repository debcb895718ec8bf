import type { Bus, EventStore, Logger, Subscription } from '@vigil/core';
import type { Alert, Detection } from '@vigil/cases';
import type { CasesRuntime } from './cases-runtime.ts';
import { idsToLookUp, toCasesDetection } from './detection-payload.ts';

/** The topic the detection stage publishes to and the durable consumer that turns it into alerts. */
export const DETECTIONS_TOPIC = 'detections';
export const ALERT_AGGREGATOR_CONSUMER = 'alert-aggregator';

/** How far before a detection's time its events are looked up (correlation windows are shorter). */
const LOOKUP_WINDOW_MS = 86_400_000;
/** Events read per detection: enough for entities and the dedup key, bounded for huge correlations. */
const MAX_EVENTS_PER_DETECTION = 50;

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
    created: 0,
    updated: 0,
    suppressed: 0,
    excepted: 0,
    grouped: 0,
  };
  const subscription: Subscription = await bus.subscribe<unknown>(
    DETECTIONS_TOPIC,
    ALERT_AGGREGATOR_CONSUMER,
    async (delivery) => {
      const detections = await resolveDetections(delivery.batch, options.events);
      const malformed = delivery.batch.length - detections.length;
      if (malformed > 0) logger.warn({ malformed, message: delivery.id }, 'malformed detections skipped');
      const result = await cases.aggregator.ingest(detections);
      const outcomes = await cases.grouper.group(result.created);
      counters.batches += 1;
      counters.detections += detections.length;
      counters.malformed += malformed;
      counters.created += result.created.length;
      counters.updated += result.updated.length;
      counters.suppressed += result.suppressed;
      counters.excepted += result.excepted;
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

/** Converts a bus batch, reading the events of detections that carry only their ids. */
async function resolveDetections(batch: readonly unknown[], events?: EventStore): Promise<Detection[]> {
  const out: Detection[] = [];
  for (const item of batch) {
    const lookup = events === undefined ? undefined : idsToLookUp(item);
    let found: Record<string, unknown>[] = [];
    if (lookup !== undefined && events !== undefined) {
      const ids = lookup.ids.slice(0, MAX_EVENTS_PER_DETECTION);
      const page = await events.query({
        workspace: lookup.workspace,
        from: lookup.time - LOOKUP_WINDOW_MS,
        to: lookup.time + 1,
        filter: { field: 'vigil.id', op: 'in', values: ids },
        limit: ids.length,
      });
      found = page.events as unknown as Record<string, unknown>[];
    }
    const detection = toCasesDetection(item, found);
    if (detection !== undefined) out.push(detection);
  }
  return out;
}
