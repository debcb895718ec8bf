import { isVigilError, silentLogger } from '@vigil/core';
import type { Bus, Clock, Logger, VigilEvent } from '@vigil/core';
import type { DetectHook } from '@vigil/ingest';
import type { CorrelationStats, Rejection } from '@vigil/sigma';
import type { ExceptionStore } from '../rules/exception-store.ts';
import type { RuleStore } from '../rules/rule-store.ts';
import { compileWorkspace } from './compile-workspace.ts';
import { DETECTIONS_TOPIC } from './detection-event.ts';
import type { Detection } from './detection-event.ts';
import { WorkspaceDetector } from './workspace-detector.ts';
import type { RuleCounters } from './workspace-detector.ts';
import { addCounters } from './rule-stats-store.ts';
import type { RuleStatsStore } from './rule-stats-store.ts';

export interface DetectionServiceOptions {
  rules: RuleStore;
  exceptions: ExceptionStore;
  bus: Bus;
  clock: Clock;
  logger?: Logger;
  /** Out-of-order tolerance of correlations, ms of event time (default 60 000). */
  latenessMs?: number;
  /** Correlation groups kept per rule (default 100 000). */
  maxGroupsPerRule?: number;
  /** How often (ms) a workspace's rule revision is re-read, for changes made by other processes (default 5 000). */
  revisionCheckMs?: number;
  /** Where per-rule counters are persisted. */
  stats: RuleStatsStore;
  /** How often (ms) per-rule counters are persisted (default 10 000). */
  statsFlushMs?: number;
  /** Detections per published message (default 500). */
  maxBatch?: number;
  /** JSON bytes per published message, so a NATS message stays under 1 MB (default 256 KiB). */
  maxBatchBytes?: number;
  /** How long a publish refused by backpressure is retried before its detections are counted as dropped (default 2 000). */
  publishRetryMs?: number;
}

/** Counters of the detection stage, for /metrics and the rules API. */
export interface DetectionCounters {
  events: number;
  detections: number;
  published: number;
  /** Detections lost because the `detections` topic stayed full (logged, never silent). */
  dropped: number;
  /** Batches detection failed on (bug or store outage); the events are still stored. */
  errors: number;
  compilations: number;
}

/** A workspace's compiled detection and its counters in this process. */
export interface WorkspaceDetectionStats {
  /** Rule revision compiled. */
  revision: number;
  /** Single-event rules compiled (enabled ones and those enabled correlations need). */
  rules: number;
  exceptions: number;
  correlations: number;
  rejectedOnCompile: Rejection[];
  matches: number;
  suppressed: number;
  correlation?: CorrelationStats | undefined;
}

interface CacheEntry {
  detector: WorkspaceDetector;
  checkedAt: number;
  stale: boolean;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The detect stage of the ingest pipeline (its DetectHook): per workspace, the enabled ruleset
 * compiled once (recompiled when the workspace's rule revision moves or an exception expires), run
 * over each ingested batch, with event-time correlation; detections are published in batches on
 * `detections`. Detection never fails ingest: errors are counted and logged, events still stored.
 */
export class DetectionService implements DetectHook {
  readonly counters: DetectionCounters = {
    events: 0,
    detections: 0,
    published: 0,
    dropped: 0,
    errors: 0,
    compilations: 0,
  };
  private readonly cache = new Map<string, CacheEntry>();
  private readonly loading = new Map<string, Promise<WorkspaceDetector>>();
  private readonly logger: Logger;
  private congested = false;
  private lastFlush = Number.NEGATIVE_INFINITY;
  private readonly options: DetectionServiceOptions;

  constructor(options: DetectionServiceOptions) {
    this.options = options;
    this.logger = (options.logger ?? silentLogger).child({ component: 'detection' });
  }

  /** Marks a workspace's compiled rules stale (this process changed its rules or exceptions). */
  invalidate(workspace: string): void {
    const entry = this.cache.get(workspace);
    if (entry) entry.stale = true;
  }

  async inspect(events: readonly VigilEvent[]): Promise<void> {
    if (events.length === 0) return;
    const byWorkspace = new Map<string, VigilEvent[]>();
    for (const e of events) {
      const ws = e.vigil.workspace;
      const list = byWorkspace.get(ws);
      if (list) list.push(e);
      else byWorkspace.set(ws, [e]);
    }
    const detections: Detection[] = [];
    for (const [ws, list] of byWorkspace) {
      try {
        const detector = await this.detector(ws);
        this.counters.events += list.length;
        detections.push(...detector.detect(list));
      } catch (err) {
        this.counters.errors++;
        this.logger.error({ err, workspace: ws, events: list.length }, 'detection failed on a batch');
      }
    }
    this.counters.detections += detections.length;
    await this.publish(detections);
    if (this.options.clock.now() - this.lastFlush >= (this.options.statsFlushMs ?? 10_000))
      await this.flushStats();
  }

  /** The workspace's detector, compiled or recompiled as needed. */
  async detector(workspace: string): Promise<WorkspaceDetector> {
    const entry = this.cache.get(workspace);
    const now = this.options.clock.now();
    if (entry) {
      const due = now - entry.checkedAt >= (this.options.revisionCheckMs ?? 5_000);
      const expired = now >= entry.detector.current.nextExpiry;
      if (!entry.stale && !due && !expired) return entry.detector;
    }
    let pending = this.loading.get(workspace);
    if (!pending) {
      pending = this.refresh(workspace, entry, now).finally(() => this.loading.delete(workspace));
      this.loading.set(workspace, pending);
    }
    return pending;
  }

  private async refresh(
    workspace: string,
    entry: CacheEntry | undefined,
    now: number,
  ): Promise<WorkspaceDetector> {
    const revision = await this.options.rules.revision(workspace);
    const current = entry?.detector.current;
    if (entry && current && current.revision === revision && now < current.nextExpiry) {
      entry.checkedAt = now;
      entry.stale = false;
      return entry.detector;
    }
    const [rules, exceptions, placeholders] = await Promise.all([
      this.options.rules.all(workspace),
      this.options.exceptions.active(workspace),
      this.options.rules.placeholders(workspace),
    ]);
    const compiled = compileWorkspace(
      revision,
      rules.map((r) => r.data),
      exceptions,
      placeholders,
    );
    this.counters.compilations++;
    if (compiled.rejected.length > 0)
      this.logger.warn(
        { workspace, rejected: compiled.rejected.slice(0, 20) },
        'stored rules rejected on compile',
      );
    this.logger.info(
      {
        workspace,
        revision,
        rules: compiled.ruleset.rules.length,
        correlations: compiled.correlations.length,
      },
      'rules compiled',
    );
    if (entry) {
      entry.detector.replace(compiled);
      entry.checkedAt = now;
      entry.stale = false;
      return entry.detector;
    }
    const detector = new WorkspaceDetector(
      workspace,
      compiled,
      {
        latenessMs: this.options.latenessMs ?? 60_000,
        maxGroupsPerRule: this.options.maxGroupsPerRule ?? 100_000,
        maxTrackedMatches: 1_000_000,
      },
      () => this.options.clock.now(),
    );
    this.cache.set(workspace, { detector, checkedAt: now, stale: false });
    return detector;
  }

  /** Counters of one rule: persisted ones (every process, since the rule was first seen) plus this process's unsaved ones. */
  async ruleCounters(workspace: string, ruleId: string): Promise<RuleCounters> {
    const saved = await this.options.stats.get(workspace, ruleId);
    const pending = this.cache.get(workspace)?.detector.pendingOf(ruleId);
    return pending ? addCounters(saved, pending) : saved;
  }

  /** Persists the counter changes of every workspace (periodically from inspect, and at close). */
  async flushStats(): Promise<void> {
    this.lastFlush = this.options.clock.now();
    for (const [ws, entry] of this.cache) {
      for (const [ruleId, delta] of entry.detector.takePending()) {
        try {
          await this.options.stats.add(ws, ruleId, delta);
        } catch (err) {
          this.counters.errors++;
          this.logger.warn({ err, workspace: ws, ruleId }, 'rule counters could not be saved');
        }
      }
    }
  }

  /** Saves the last counters; call on shutdown. */
  async close(): Promise<void> {
    await this.flushStats();
  }

  correlationStats(workspace: string): CorrelationStats | undefined {
    return this.cache.get(workspace)?.detector.correlationStats();
  }

  /** What runs for a workspace in this process (undefined until its first batch). */
  workspaceStats(workspace: string): WorkspaceDetectionStats | undefined {
    const detector = this.cache.get(workspace)?.detector;
    if (!detector) return undefined;
    const c = detector.current;
    const { matches, suppressed } = detector.totals;
    return {
      revision: c.revision,
      rules: c.entries.filter((e) => e.kind === 'rule').length,
      exceptions: c.entries.filter((e) => e.kind === 'exception').length,
      correlations: c.correlations.length,
      rejectedOnCompile: c.rejected,
      matches,
      suppressed,
      ...(detector.correlationStats() ? { correlation: detector.correlationStats() } : {}),
    };
  }

  /** Splits detections into messages of at most `maxBatch` items and ~`maxBatchBytes` of JSON. */
  private chunks(detections: Detection[]): Detection[][] {
    const maxItems = this.options.maxBatch ?? 500;
    const maxBytes = this.options.maxBatchBytes ?? 262_144;
    const out: Detection[][] = [];
    let cur: Detection[] = [];
    let bytes = 0;
    for (const d of detections) {
      const size = JSON.stringify(d).length;
      if (cur.length > 0 && (cur.length >= maxItems || bytes + size > maxBytes)) {
        out.push(cur);
        cur = [];
        bytes = 0;
      }
      cur.push(d);
      bytes += size;
    }
    if (cur.length > 0) out.push(cur);
    return out;
  }

  private async publish(detections: Detection[]): Promise<void> {
    for (const chunk of this.chunks(detections)) {
      // Wall time, not the injected clock: this bounds real waiting.
      const deadline = performance.now() + (this.congested ? 0 : (this.options.publishRetryMs ?? 2_000));
      for (let attempt = 1; ; attempt++) {
        try {
          await this.options.bus.publish(DETECTIONS_TOPIC, chunk);
          this.counters.published += chunk.length;
          this.congested = false;
          break;
        } catch (err) {
          const backpressure = isVigilError(err) && err.code === 'BUS_BACKPRESSURE';
          if (backpressure && performance.now() < deadline) {
            await sleep(Math.min(20 * attempt, 250));
            continue;
          }
          this.congested = backpressure;
          this.counters.dropped += chunk.length;
          this.logger.error({ err, dropped: chunk.length }, 'detections could not be published');
          break;
        }
      }
    }
  }
}
