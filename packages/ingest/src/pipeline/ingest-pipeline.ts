import {
  EVENTS_STORE_TOPIC,
  isVigilError,
  randomIds,
  silentLogger,
  systemClock,
  userError,
  VigilError,
  type Bus,
  type Clock,
  type IdGenerator,
  type Logger,
  type VigilEvent,
} from '@vigil/core';
import {
  parseRecord,
  parseRecords,
  type FormatName,
  type ParsedEvent,
  type RecordInput,
} from '@vigil/parsers';
import { noopAssetLookup, type AssetLookup } from '../hooks/asset-lookup.port.ts';
import { noopDetectHook, type DetectHook } from '../hooks/detect-hook.port.ts';
import type { CommitTracker } from '../durability/commit-tracker.ts';
import type { SourceStats } from '../stats/source-stats.ts';
import type { SourceRef } from './source-ref.ts';
import { toVigilEvent } from './to-vigil-event.ts';

export interface IngestPipelineOptions {
  bus: Bus;
  stats: SourceStats;
  /** Topic the event writer consumes (default `events.store`). */
  topic?: string;
  clock?: Clock;
  ids?: IdGenerator;
  detect?: DetectHook;
  assets?: AssetLookup;
  /** Embedded mode: lets `durable` submissions wait for the writer's commit. */
  commits?: CommitTracker;
  /** Where failures of the enrichment and detection hooks are reported. */
  logger?: Logger;
  /** Events per published bus message (default 500). */
  maxBatchEvents?: number;
  /** Input bytes per published message, so a message stays well under NATS's 1 MB (default 256 KiB). */
  maxBatchBytes?: number;
  /**
   * Once part of a submission is queued, a later part that meets backpressure is retried for this
   * long before giving up, so senders rarely see a partial acceptance (default 5 000 ms).
   */
  retryMs?: number;
}

/** One submission: a body's records (already framed) or a text to frame and parse. */
export type IngestInput = {
  source: SourceRef;
  /** Payload bytes, for the counters. */
  bytes: number;
  format?: FormatName;
  /** Epoch ms of arrival (default: the clock). */
  receivedAt?: number;
  /** A per-record format (HEC sourcetypes), falling back to `format`. */
  formatOf?: (index: number) => FormatName | undefined;
  /**
   * A stable id for record `index` when the protocol carries one (Elasticsearch `_id`): a resent
   * record then gets the same `vigil.id`, and the store ignores the duplicate.
   */
  idOf?: (index: number) => string | undefined;
  /** Adds protocol metadata (HEC time/host, OTLP resource…) to the parsed event of record `index`. */
  decorate?: (event: ParsedEvent, index: number) => void;
  /**
   * true (HTTP): resolve only once the events are committed (embedded) or acked by JetStream.
   * false (syslog): resolve once the bus accepted them.
   */
  durable?: boolean;
  /** true (UDP): records refused by backpressure are counted as dropped, not as rejected. */
  lossy?: boolean;
  /**
   * true (TCP): wait out backpressure however long it lasts instead of rejecting; the caller stops
   * reading from its socket meanwhile, which is TCP flow control.
   */
  patient?: boolean;
} & ({ records: readonly RecordInput[] } | { text: string });

export interface IngestResult {
  /** Events queued for storage (all of them when the promise resolves). */
  accepted: number;
  /** Of those, events kept with `vigil.parse_error`. */
  failed: number;
  /** The first parse errors (at most 10): 0-based event index in the submission and the reason. */
  errors: { index: number; error: string }[];
}

export interface IngestPipeline {
  /**
   * parse + normalise → enrich → detect → publish to the store topic, in batches. Rejects with
   * BUS_BACKPRESSURE (user error, status 429, `retryAfterSeconds`, `details.accepted`) when the
   * queue is full: the first `details.accepted` records of the submission were queued and must not
   * be resent; the rest must be. Other failures carry `details.accepted` the same way.
   */
  ingest(input: IngestInput): Promise<IngestResult>;
  /** true when the store topic is at capacity (health endpoints). */
  busy(): Promise<boolean>;
}

/** Builds the ingest pipeline stage (DESIGN §1) over a bus. */
export function createIngestPipeline(options: IngestPipelineOptions): IngestPipeline {
  const topic = options.topic ?? EVENTS_STORE_TOPIC;
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const detect = options.detect ?? noopDetectHook;
  const assets = options.assets ?? noopAssetLookup;
  const logger = (options.logger ?? silentLogger).child({ component: 'ingest-pipeline' });
  const maxEvents = options.maxBatchEvents ?? 500;
  const maxBytes = options.maxBatchBytes ?? 262_144;
  const retryMs = options.retryMs ?? 5_000;

  const publishWithRetry = async (chunk: VigilEvent[], retry: boolean, forever: boolean): Promise<void> => {
    const deadline = clock.now() + retryMs;
    for (let attempt = 1; ; attempt++) {
      try {
        // The chunk is ours alone and never touched after publish (detection ran before).
        await options.bus.publish(topic, chunk, { handOver: true });
        return;
      } catch (err) {
        if (!isBackpressure(err) || !(forever || (retry && clock.now() < deadline))) throw err;
        await sleep(Math.min(20 * attempt, 250));
      }
    }
  };

  return {
    async ingest(input) {
      const receivedAt = input.receivedAt ?? clock.now();
      const receivedIso = new Date(receivedAt).toISOString();
      const row = options.stats.of(input.source);
      const parseOptions = { receivedAt, ...(input.format ? { format: input.format } : {}) };
      const parsed =
        'text' in input
          ? parseRecords(input.text, parseOptions)
          : input.records.map((r, i) => {
              const own = input.formatOf?.(i);
              return parseRecord(r, own === undefined ? parseOptions : { ...parseOptions, format: own });
            });
      row.received += parsed.length;
      row.bytes += input.bytes;
      row.lastReceivedAt = receivedAt;
      let failed = 0;
      const errors: IngestResult['errors'] = [];
      let lagSum = 0;
      let lagCount = 0;
      let lagMax = 0;
      const events = parsed.map((p, index) => {
        input.decorate?.(p, index);
        if (p.parse_error !== undefined) {
          failed++;
          if (errors.length < 10) errors.push({ index, error: p.parse_error });
        } else {
          const lag = Math.max(0, receivedAt - Date.parse(p['@timestamp']));
          if (Number.isFinite(lag)) {
            lagSum += lag;
            lagCount++;
            if (lag > lagMax) lagMax = lag;
          }
        }
        return toVigilEvent(p, input.source, input.idOf?.(index) ?? ids.next(), receivedIso);
      });
      row.parsed += events.length - failed;
      row.failed += failed;
      if (lagCount > 0) {
        row.lagMs = Math.round(lagSum / lagCount);
        row.lagMaxMs = lagMax;
      }
      if (events.length === 0) return { accepted: 0, failed: 0, errors };
      // Enrichment and detection are best effort: a failure there must not cost the events.
      await assets.enrich(events).catch((err: unknown) => logger.error({ err }, 'asset lookup failed'));
      await detect.inspect(events).catch((err: unknown) => logger.error({ err }, 'detection hook failed'));

      const perRecord = Math.max(1, input.bytes / events.length);
      const chunkSize = Math.max(1, Math.min(maxEvents, Math.floor(maxBytes / perRecord)));
      const waitCommit = input.durable !== false && options.commits !== undefined;
      const commits: Promise<void>[] = [];
      let accepted = 0;
      for (let start = 0; start < events.length; start += chunkSize) {
        const chunk = events.slice(start, start + chunkSize);
        const batchId = chunk[0]?.vigil.id ?? '';
        const committed = waitCommit ? options.commits?.expect(batchId) : undefined;
        try {
          await publishWithRetry(chunk, accepted > 0, input.patient === true);
        } catch (err) {
          options.commits?.cancel(batchId, err);
          committed?.catch(() => {});
          const left = events.length - accepted;
          if (input.lossy) row.dropped += left;
          else row.rejected += left;
          // Wait for what was queued before answering, so "accepted" means stored.
          await Promise.allSettled(commits);
          throw withAccepted(err, accepted);
        }
        accepted += chunk.length;
        row.accepted += chunk.length;
        if (committed) commits.push(committed);
      }
      const settled = await Promise.allSettled(commits);
      const failure = settled.find((s) => s.status === 'rejected');
      if (failure) throw withAccepted(failure.reason, accepted);
      return { accepted, failed, errors };
    },
    async busy() {
      const pressure = await options.bus.pressure(topic);
      return pressure.full;
    },
  };
}

function isBackpressure(err: unknown): boolean {
  return isVigilError(err) && err.code === 'BUS_BACKPRESSURE';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The error to report, with how many records of the submission were queued before it. */
function withAccepted(err: unknown, accepted: number): VigilError {
  if (isBackpressure(err)) {
    const e = err as VigilError;
    return userError('BUS_BACKPRESSURE', 'the ingest queue is full, retry later', {
      status: 429,
      retryAfterSeconds: e.retryAfterSeconds ?? 1,
      details: { accepted },
      cause: err,
    });
  }
  if (isVigilError(err)) {
    return new VigilError(err.code, err.kind, err.message, {
      cause: err,
      details: { ...err.details, accepted },
      ...(err.status === undefined ? {} : { status: err.status }),
      ...(err.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: err.retryAfterSeconds }),
    });
  }
  return new VigilError('INGEST_FAILED', 'unexpected', 'ingest failed', {
    cause: err,
    details: { accepted },
  });
}
