import type { Logger, VigilEvent } from '@vigil/core';
import { loadRulesSliced } from '@vigil/sigma';
import type { Ruleset, Slicer } from '@vigil/sigma';
import { assembleWorkspace, planWorkspace } from '../compile-workspace.ts';
import type { WorkspacePlan, WorkspaceRules } from '../compile-workspace.ts';
import { MatchPoolFailure } from './match-pool.ts';
import type { MatchPool, MatchPoolCounters } from './match-pool.ts';

/** How a pool-compiled ruleset can be rebuilt on the main thread when the workers fail a batch. */
interface PooledSpec {
  plan: WorkspacePlan;
  placeholders: Record<string, readonly string[]>;
  mainRuleset?: Promise<Ruleset>;
}

/**
 * The detection stage's side of the match pool: workspace rulesets compiled in the workers under
 * versioned keys (`workspace#n`, a new key per compile, so a swap never mixes versions), and
 * matching with a main-thread fallback when the workers fail a batch twice.
 */
export class PooledRulesets {
  private readonly specs = new Map<string, PooledSpec>();
  /** Per workspace, the key dropped last: a batch matched with it may still need the main-thread fallback. */
  private readonly retired = new Map<string, string>();
  private seq = 0;
  private readonly pool: MatchPool;
  private readonly slicer: Slicer;
  private readonly logger: Logger;

  constructor(pool: MatchPool, slicer: Slicer, logger: Logger) {
    this.pool = pool;
    this.slicer = slicer;
    this.logger = logger;
  }

  /** Compiles in every worker; nothing of the ruleset is built on this thread. */
  async compile(
    workspace: string,
    revision: number,
    rules: Parameters<typeof planWorkspace>[0],
    exceptions: Parameters<typeof planWorkspace>[1],
    placeholders: Record<string, readonly string[]>,
  ): Promise<WorkspaceRules> {
    const plan = planWorkspace(rules, exceptions);
    if (!this.pool.usable) return this.compileHere(revision, plan, placeholders);
    const poolKey = `${workspace}#${++this.seq}`;
    this.specs.set(poolKey, { plan, placeholders });
    try {
      const meta = await this.pool.compile(poolKey, plan.sources, placeholders);
      return { ...assembleWorkspace(revision, plan, meta), poolKey };
    } catch (err) {
      this.forget(poolKey);
      if (err instanceof MatchPoolFailure && !this.pool.usable)
        return this.compileHere(revision, plan, placeholders);
      throw err;
    }
  }

  /** Without usable workers (crash loop, shut down), compile and match on this thread as without a pool. */
  private async compileHere(
    revision: number,
    plan: WorkspacePlan,
    placeholders: Record<string, readonly string[]>,
  ): Promise<WorkspaceRules> {
    const { ruleset, rejected } = await loadRulesSliced(plan.sources, { placeholders }, this.slicer);
    const parts = { rules: ruleset.rules, correlations: ruleset.correlations, rejected };
    return { ...assembleWorkspace(revision, plan, parts), ruleset };
  }

  /**
   * Drops a version in the workers once its successor serves (batches sent with it are ahead in each
   * worker's queue). Its spec is kept until the next drop: a batch in flight when its worker died is
   * retried on a worker that no longer has the version and then needs the main-thread copy.
   */
  forget(poolKey: string): void {
    this.pool.drop(poolKey);
    const workspace = poolKey.slice(0, poolKey.lastIndexOf('#'));
    const previous = this.retired.get(workspace);
    if (previous !== undefined) this.specs.delete(previous);
    this.retired.set(workspace, poolKey);
  }

  /** Hit indexes of each event: in the workers, else (they failed it twice) on this thread. */
  async hitsOf(compiled: WorkspaceRules, events: readonly VigilEvent[]): Promise<(readonly number[])[]> {
    const { poolKey } = compiled;
    let ruleset = compiled.ruleset;
    if (poolKey !== undefined) {
      try {
        return await this.pool.match(poolKey, events);
      } catch (err) {
        if (!(err instanceof MatchPoolFailure)) throw err;
        this.logger.warn(
          { err, events: events.length },
          'match workers failed a batch; matching it on the main thread',
        );
        ruleset = await this.mainRuleset(poolKey);
      }
    }
    if (!ruleset) throw new Error(`ruleset ${poolKey ?? '?'} is not available on this thread`);
    const rs = ruleset;
    return events.map((e) => rs.matchIndexes(e));
  }

  /** The main-thread copy of a pool ruleset, compiled (sliced) the first time a batch needs it. */
  private mainRuleset(poolKey: string): Promise<Ruleset> {
    const spec = this.specs.get(poolKey);
    if (!spec) return Promise.reject(new Error(`ruleset ${poolKey} is no longer live`));
    spec.mainRuleset ??= loadRulesSliced(
      spec.plan.sources,
      { placeholders: spec.placeholders },
      this.slicer,
    ).then((l) => l.ruleset);
    return spec.mainRuleset;
  }

  counters(): MatchPoolCounters & { threads: number } {
    return { threads: this.pool.threads, ...this.pool.counters };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
