import { silentLogger } from '@vigil/core';
import type { Logger, VigilEvent } from '@vigil/core';
import type {
  DetectionCounters,
  DetectionServiceOptions,
  WorkspaceDetectionStats,
} from './detection-service-options.ts';
import type { DetectHook } from '@vigil/ingest';
import type { CorrelationStats, Slicer } from '@vigil/sigma';
import { DetectionPublisher } from './detection-publisher.ts';
import { compileWorkspaceSliced } from './compile-workspace.ts';
import type { WorkspaceRules } from './compile-workspace.ts';
import { eventLoopSlicer } from './event-loop-slicer.ts';
import type { Detection } from './detection-event.ts';
import { WorkspaceDetector } from './workspace-detector.ts';
import type { RuleCounters } from './workspace-detector.ts';
import { addCounters } from './rule-stats-store.ts';
import type { MatchPoolCounters } from './pool/match-pool.ts';
import { PooledRulesets } from './pool/pooled-rulesets.ts';

export type {
  DetectionCounters,
  DetectionServiceOptions,
  WorkspaceDetectionStats,
} from './detection-service-options.ts';

interface CacheEntry {
  detector: WorkspaceDetector;
  checkedAt: number;
  stale: boolean;
}

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
  private readonly publisher: DetectionPublisher;
  private lastFlush = Number.NEGATIVE_INFINITY;
  private readonly options: DetectionServiceOptions;
  private readonly slicer: Slicer;
  private idleTimer: ReturnType<typeof setInterval> | undefined;
  /** Compiles and matches in the worker threads (undefined: both on this thread). */
  private readonly pooled: PooledRulesets | undefined;
  /** Batches apply their matches in arrival order (worker replies may come back in any order). */
  private applyTail: Promise<void> = Promise.resolve();

  constructor(options: DetectionServiceOptions) {
    this.options = options;
    this.slicer = options.slicer ?? eventLoopSlicer;
    this.logger = (options.logger ?? silentLogger).child({ component: 'detection' });
    this.publisher = new DetectionPublisher({ ...options, logger: this.logger }, this.counters);
    this.pooled = options.pool && new PooledRulesets(options.pool, this.slicer, this.logger);
  }

  /**
   * Marks a workspace's compiled rules stale (this process changed its rules or exceptions) and starts
   * recompiling them at once; the current ruleset keeps serving until the new one is swapped in.
   */
  invalidate(workspace: string): void {
    const entry = this.cache.get(workspace);
    if (!entry) return;
    entry.stale = true;
    void this.startRefresh(workspace, entry, this.options.clock.now());
  }

  /** True while the workspace's rules are being (re)compiled. */
  isCompiling(workspace: string): boolean {
    return this.loading.has(workspace);
  }

  /**
   * Resolves once the workspace's rules as they are now are compiled and serving (tests, probes), or
   * once a recompile failed (the previous rules keep serving; the failure is counted and logged).
   */
  async whenCompiled(workspace: string): Promise<void> {
    for (;;) {
      try {
        const pending = this.loading.get(workspace);
        if (pending) {
          await pending;
          continue;
        }
        const entry = this.cache.get(workspace);
        if (!entry?.stale) return;
        await this.startRefresh(workspace, entry, this.options.clock.now());
      } catch {
        return;
      }
    }
  }

  async inspect(events: readonly VigilEvent[]): Promise<void> {
    if (events.length === 0) return;
    this.options.observer?.observe(events);
    const byWorkspace = new Map<string, VigilEvent[]>();
    for (const e of events) {
      const ws = e.vigil.workspace;
      const list = byWorkspace.get(ws);
      if (list) list.push(e);
      else byWorkspace.set(ws, [e]);
    }
    const detections = this.pooled
      ? await this.detectPooled(byWorkspace)
      : this.detectHere(byWorkspace, await this.detectors(byWorkspace));
    this.counters.detections += detections.length;
    await this.publisher.publish(detections);
    if (this.options.clock.now() - this.lastFlush >= (this.options.statsFlushMs ?? 10_000))
      await this.flushStats();
  }

  /** The workspaces' detectors (a failed one is reported and left out). */
  private async detectors(byWorkspace: Map<string, VigilEvent[]>): Promise<Map<string, WorkspaceDetector>> {
    const out = new Map<string, WorkspaceDetector>();
    for (const [ws, list] of byWorkspace) {
      try {
        out.set(ws, await this.detector(ws));
      } catch (err) {
        this.counters.errors++;
        this.logger.error({ err, workspace: ws, events: list.length }, 'detection failed on a batch');
      }
    }
    return out;
  }

  /** Matching on this thread (no pool), as one synchronous pass after the compiles. */
  private detectHere(
    byWorkspace: Map<string, VigilEvent[]>,
    detectors: Map<string, WorkspaceDetector>,
  ): Detection[] {
    const detections: Detection[] = [];
    for (const [ws, detector] of detectors) {
      const list = byWorkspace.get(ws) ?? [];
      try {
        this.counters.events += list.length;
        detections.push(...detector.detect(list));
      } catch (err) {
        this.counters.errors++;
        this.logger.error({ err, workspace: ws, events: list.length }, 'detection failed on a batch');
      }
    }
    return detections;
  }

  /**
   * Matching in the pool: the workers match while the main thread waits, then the hits are applied
   * (correlations, exceptions, counters) in the order the batches arrived.
   */
  private async detectPooled(byWorkspace: Map<string, VigilEvent[]>): Promise<Detection[]> {
    const turn = this.applyTail;
    let done = () => {};
    this.applyTail = new Promise<void>((r) => (done = r));
    const detections: Detection[] = [];
    try {
      const matched = [...byWorkspace].map(([ws, list]) => this.matchBatch(ws, list));
      await turn;
      for (const m of matched) {
        const r = await m;
        try {
          if (r.detector && r.compiled) {
            this.counters.events += r.events.length;
            detections.push(...r.detector.apply(r.events, r.hits, r.compiled));
          } else {
            this.counters.errors++;
            this.logger.error(
              { err: r.error, workspace: r.workspace, events: r.events.length },
              'detection failed on a batch',
            );
          }
        } catch (err) {
          this.counters.errors++;
          this.logger.error(
            { err, workspace: r.workspace, events: r.events.length },
            'detection failed on a batch',
          );
        }
      }
    } finally {
      done();
    }
    return detections;
  }

  /** Matches one workspace's part of a batch (in the pool when there is one); never rejects. */
  private async matchBatch(workspace: string, events: VigilEvent[]): Promise<MatchedBatch> {
    try {
      const detector = await this.detector(workspace);
      const compiled = detector.current;
      const hits = this.pooled
        ? await this.pooled.hitsOf(compiled, events)
        : events.map((e) => compiled.ruleset?.matchIndexes(e) ?? []);
      return { workspace, events, detector, compiled, hits };
    } catch (error) {
      return { workspace, events, hits: [], error };
    }
  }

  /**
   * The workspace's detector. Only the first batch of a workspace waits for its rules to compile;
   * afterwards a recompilation (rule change, revision moved elsewhere, exception expiry) runs in the
   * background, sliced so the event loop stays responsive, while the current ruleset keeps serving.
   */
  async detector(workspace: string): Promise<WorkspaceDetector> {
    const entry = this.cache.get(workspace);
    const now = this.options.clock.now();
    if (!entry) return this.startRefresh(workspace, undefined, now);
    const due = now - entry.checkedAt >= (this.options.revisionCheckMs ?? 5_000);
    const expired = now >= entry.detector.current.nextExpiry;
    if (entry.stale || due || expired) void this.startRefresh(workspace, entry, now);
    return entry.detector;
  }

  /** One refresh per workspace at a time; a background one reports its own failure. */
  private startRefresh(
    workspace: string,
    entry: CacheEntry | undefined,
    now: number,
  ): Promise<WorkspaceDetector> {
    let pending = this.loading.get(workspace);
    if (pending) return pending;
    pending = this.refresh(workspace, entry, now).finally(() => this.loading.delete(workspace));
    this.loading.set(workspace, pending);
    if (entry)
      pending.catch((err: unknown) => {
        // Retried on the next batch (or flush), not only at the next revision check.
        entry.stale = true;
        this.counters.errors++;
        this.logger.error(
          { err, workspace },
          'rules could not be recompiled; the previous ones keep serving',
        );
      });
    return pending;
  }

  private async refresh(
    workspace: string,
    entry: CacheEntry | undefined,
    now: number,
  ): Promise<WorkspaceDetector> {
    // Changes made after this point mark the entry stale again and cause another refresh.
    if (entry) entry.stale = false;
    const revision = await this.options.rules.revision(workspace);
    const current = entry?.detector.current;
    if (entry && current && current.revision === revision && now < current.nextExpiry) {
      entry.checkedAt = now;
      return entry.detector;
    }
    const [rules, exceptions, placeholders] = await Promise.all([
      this.options.rules.all(workspace),
      this.options.exceptions.active(workspace),
      this.options.rules.placeholders(workspace),
    ]);
    const started = performance.now();
    const data = rules.map((r) => r.data);
    const compiled = this.pooled
      ? await this.pooled.compile(workspace, revision, data, exceptions, placeholders)
      : await compileWorkspaceSliced(revision, data, exceptions, placeholders, this.slicer);
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
        rules: compiled.rules.length,
        correlations: compiled.correlations.length,
        ms: Math.round(performance.now() - started),
      },
      'rules compiled',
    );
    if (entry) {
      const old = entry.detector.current.poolKey;
      entry.detector.replace(compiled);
      entry.checkedAt = now;
      // Batches already sent with the old version are ahead of this in each worker's queue.
      if (old !== undefined) this.pooled?.forget(old);
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

  /** Failures of the match workers (zeros without a pool), for /metrics. */
  poolCounters(): MatchPoolCounters & { threads: number } {
    return (
      this.pooled?.counters() ?? { threads: 0, workerRestarts: 0, batchRetries: 0, mainThreadFallbacks: 0 }
    );
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
    await this.options.observer?.flush();
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

  /**
   * Judges the correlation windows that event time, estimated from the clock while sources are quiet,
   * has completed (see WorkspaceDetector.flushIdle), and publishes their hits.
   */
  async flushIdle(): Promise<void> {
    const detections: Detection[] = [];
    for (const [ws, entry] of this.cache) {
      try {
        detections.push(...entry.detector.flushIdle());
      } catch (err) {
        this.counters.errors++;
        this.logger.error({ err, workspace: ws }, 'idle correlation flush failed');
      }
    }
    if (detections.length === 0) return;
    this.counters.detections += detections.length;
    await this.publisher.publish(detections);
  }

  /** Runs flushIdle every `intervalMs` of real time until close(). */
  startIdleFlush(intervalMs: number): void {
    if (this.idleTimer !== undefined || !(intervalMs > 0)) return;
    let running = false;
    this.idleTimer = setInterval(() => {
      if (running) return;
      running = true;
      this.flushIdle()
        .catch((err: unknown) => this.logger.error({ err }, 'idle correlation flush failed'))
        .finally(() => (running = false));
    }, intervalMs);
    this.idleTimer.unref();
  }

  /** Stops the idle flush and saves the last counters; call on shutdown. */
  async close(): Promise<void> {
    if (this.idleTimer !== undefined) clearInterval(this.idleTimer);
    this.idleTimer = undefined;
    await this.flushStats();
    await this.pooled?.close();
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
}

interface MatchedBatch {
  workspace: string;
  events: VigilEvent[];
  detector?: WorkspaceDetector;
  /** The ruleset version the hits refer to. */
  compiled?: WorkspaceRules;
  hits: (readonly number[])[];
  error?: unknown;
}
