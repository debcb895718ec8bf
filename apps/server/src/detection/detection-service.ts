import { isVigilError, silentLogger } from '@vigil/core';
import type { Bus, Clock, Logger, VigilEvent } from '@vigil/core';
import type { DetectHook } from '@vigil/ingest';
import type { CorrelationStats } from '@vigil/sigma';
import type { ExceptionStore } from '../rules/exception-store.ts';
import type { RuleStore } from '../rules/rule-store.ts';
import { compileWorkspace } from './compile-workspace.ts';
import { DETECTIONS_TOPIC } from './detection-event.ts';
import type { Detection } from './detection-event.ts';
import { WorkspaceDetector } from './workspace-detector.ts';
import type { RuleCounters } from './workspace-detector.ts';

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
  /** Detections per published message (default 500). */
  maxBatch?: number;
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
    const [rules, exceptions] = await Promise.all([
      this.options.rules.all(workspace),
      this.options.exceptions.active(workspace),
    ]);
    const compiled = compileWorkspace(
      revision,
      rules.map((r) => r.data),
      exceptions,
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

  /** Counters of one rule in this process (matches, suppressed by exceptions), if it ran. */
  ruleCounters(workspace: string, ruleId: string): RuleCounters | undefined {
    return this.cache.get(workspace)?.detector.counters.get(ruleId);
  }

  correlationStats(workspace: string): CorrelationStats | undefined {
    return this.cache.get(workspace)?.detector.correlationStats();
  }

  private async publish(detections: Detection[]): Promise<void> {
    const max = this.options.maxBatch ?? 500;
    for (let start = 0; start < detections.length; start += max) {
      const chunk = detections.slice(start, start + max);
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
