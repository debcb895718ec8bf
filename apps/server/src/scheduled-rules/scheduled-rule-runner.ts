import { randomUUID } from 'node:crypto';
import { isVigilError, type Clock, type EventSearch, type Logger, type StoredRecord } from '@vigil/core';
import type { QueryPlan } from '@vigil/query';
import {
  alignDown,
  MAX_LEDGER_FIRINGS,
  planIntervals,
  type Detection,
  type PlannedInterval,
  type ScheduledRule,
  type ScheduledRuleState,
  type ScheduledRuleStore,
  type ScheduledRun,
} from '@vigil/cases';
import { claimInterval } from './claim-interval.ts';
import { executeInterval } from './execute-interval.ts';

export interface ScheduledRunnerOptions {
  store: ScheduledRuleStore;
  /** The event search (absent when the store cannot search: every run then fails and is reported). */
  search: EventSearch<QueryPlan> | undefined;
  /** Raises the alerts (exceptions, suppression rules, dedup, grouping); resolves with their ids. */
  intake: (detections: readonly Detection[]) => Promise<string[]>;
  workspaces: () => Promise<string[]>;
  clock: Clock;
  logger: Logger;
  /** Names this runner in the ledger's claims. */
  instanceId?: string;
  /** Timer period (default 15 s); intervals are due at their own boundaries, the tick only looks. */
  tickMs?: number;
  /** Intervals run per rule per tick at most; older missed ones are recorded as a gap. Default 60. */
  maxCatchUp?: number;
  /** A failing interval is retried on later ticks this many times in all, then reported. Default 3. */
  maxAttempts?: number;
  /** A claim older than this that never finished (runner died) may be taken over. Default 10 min. */
  leaseMs?: number;
  /** Events read per run at most (the ledger marks the run truncated beyond). Default 50,000. */
  maxEventsPerRun?: number;
  queryTimeoutMs?: number;
}

export interface RunnerTick {
  rules: number;
  runs: number;
  gaps: number;
  failed: number;
  alerts: number;
}

export interface ScheduledRuleRunner {
  /** Runs everything due now (what the timer does); concurrent calls share one tick. */
  runOnce(): Promise<RunnerTick>;
  /** One rule only (tests, or right after a change). */
  runRule(workspace: string, id: string): Promise<RunnerTick>;
  stop(): Promise<void>;
}

type IntervalOutcome =
  /** Coverage moves on; `replan` when it moved somewhere else than the planned end (stop for this tick). */
  | { kind: 'done'; state: ScheduledRuleState; tick: Partial<RunnerTick>; replan?: boolean }
  /** Another runner holds it, or it failed and will be retried: stop this rule for this tick. */
  | { kind: 'stop'; tick: Partial<RunnerTick> };

const errorText = (err: unknown): string =>
  isVigilError(err) && err.kind !== 'unexpected'
    ? err.message.slice(0, 500)
    : 'the run failed unexpectedly (see the server log)';

/**
 * Runs scheduled rules on a timer (issue 5). For every enabled rule it plans the due event-time
 * intervals from the rule's coverage, claims each in the ledger (one winner across servers and workers),
 * runs it, raises the alerts (or, in simulation mode, only records them) and advances the coverage.
 * Missed intervals beyond the catch-up bound and intervals that kept failing are recorded as gaps.
 */
export function createScheduledRuleRunner(options: ScheduledRunnerOptions): ScheduledRuleRunner {
  const { store, clock, logger } = options;
  const instanceId = options.instanceId ?? `runner-${randomUUID().slice(0, 8)}`;
  const maxCatchUp = options.maxCatchUp ?? 60;
  const maxAttempts = options.maxAttempts ?? 3;
  const leaseMs = options.leaseMs ?? 600_000;
  const maxEvents = options.maxEventsPerRun ?? 50_000;
  const timeoutMs = options.queryTimeoutMs ?? 60_000;
  const policy = { maxAttempts, leaseMs };

  const add = (into: RunnerTick, more: Partial<RunnerTick>): void => {
    into.runs += more.runs ?? 0;
    into.gaps += more.gaps ?? 0;
    into.failed += more.failed ?? 0;
    into.alerts += more.alerts ?? 0;
  };

  const baseRun = (
    id: string,
    version: number,
    rule: ScheduledRule,
    at: PlannedInterval,
    now: number,
  ): ScheduledRun => ({
    ruleId: id,
    ruleVersion: version,
    start: at.start,
    end: at.end,
    queryFrom: at.end - rule.lookbackSeconds * 1000,
    queryTo: at.end,
    status: 'running',
    late: at.late,
    simulated: rule.simulation,
    attempts: 1,
    claimedAt: now,
    claimedBy: instanceId,
    hits: 0,
    truncated: false,
    groups: 0,
    firings: [],
    suppressed: 0,
    alertIds: [],
  });

  async function runInterval(
    ws: string,
    rec: StoredRecord<ScheduledRule>,
    at: PlannedInterval,
    state: ScheduledRuleState,
  ): Promise<IntervalOutcome> {
    const rule = rec.data;
    const now = clock.now();
    const claim = await claimInterval(store, ws, baseRun(rec.id, rec.version, rule, at, now), policy);
    if (claim.kind === 'busy') return { kind: 'stop', tick: {} };
    if (claim.kind === 'covered') {
      const replan = claim.end !== at.end;
      return { kind: 'done', state: { ...state, coveredUntil: claim.end }, tick: {}, replan };
    }
    const claimed = claim.entry;
    try {
      if (options.search === undefined) throw new Error('this event store does not support search');
      const exec = await executeInterval({
        search: options.search,
        workspace: ws,
        ruleId: rec.id,
        ruleVersion: rec.version,
        rule,
        interval: at,
        suppression: state.suppression,
        maxEvents,
        timeoutMs,
      });
      const detections = exec.evaluation.detections;
      const alertIds = rule.simulation || detections.length === 0 ? [] : await options.intake(detections);
      const finishedAt = clock.now();
      await store.updateRun(ws, claimed.version, {
        ...claimed.data,
        status: 'ok',
        finishedAt,
        hits: exec.hits,
        truncated: exec.truncated,
        groups: exec.groups,
        firings: exec.evaluation.firings.slice(0, MAX_LEDGER_FIRINGS),
        suppressed: exec.evaluation.suppressed,
        alertIds,
      });
      if (exec.truncated)
        logger.warn({ workspace: ws, rule: rec.id, start: at.start }, 'scheduled run truncated');
      return {
        kind: 'done',
        state: {
          ...state,
          coveredUntil: at.end,
          suppression: exec.evaluation.suppression,
          lastRun: { start: at.start, end: at.end, status: 'ok', finishedAt, alerts: alertIds.length },
        },
        tick: { runs: 1, alerts: alertIds.length },
      };
    } catch (err) {
      logger.warn({ err, workspace: ws, rule: rec.id, start: at.start }, 'scheduled run failed');
      const attempts = claimed.data.attempts;
      const finishedAt = clock.now();
      const error = errorText(err);
      await store
        .updateRun(ws, claimed.version, { ...claimed.data, status: 'failed', finishedAt, error })
        .catch((e: unknown) => logger.warn({ err: e }, 'scheduled run ledger update failed'));
      if (attempts < maxAttempts) return { kind: 'stop', tick: { failed: 1 } };
      // Given up: the interval stays uncovered and is reported as such; later intervals go on.
      return {
        kind: 'done',
        state: {
          ...state,
          coveredUntil: at.end,
          gaps: state.gaps + 1,
          lastGap: { start: at.start, end: at.end, reason: `failed ${attempts} times: ${error}` },
          lastRun: { start: at.start, end: at.end, status: 'failed', finishedAt, alerts: 0 },
        },
        tick: { failed: 1, gaps: 1 },
      };
    }
  }

  async function processRule(ws: string, rec: StoredRecord<ScheduledRule>, tick: RunnerTick): Promise<void> {
    const rule = rec.data;
    const intervalMs = rule.intervalSeconds * 1000;
    const delayMs = rule.delaySeconds * 1000;
    const now = clock.now();
    let stateRec =
      (await store.getState(ws, rec.id)) ??
      (await store.initState(ws, rec.id, {
        coveredUntil: alignDown(now - delayMs, intervalMs),
        suppression: {},
        gaps: 0,
      }));
    let state = stateRec.data;
    const plan = planIntervals({ coveredUntil: state.coveredUntil, now, intervalMs, delayMs, maxCatchUp });
    const save = async (next: ScheduledRuleState): Promise<boolean> => {
      try {
        stateRec = await store.saveState(ws, rec.id, stateRec.version, next);
        state = next;
        return true;
      } catch (err) {
        // Another runner advanced this rule meanwhile: it owns the rest of this tick.
        if (isVigilError(err) && err.code === 'VERSION_CONFLICT') return false;
        throw err;
      }
    };
    for (const gap of plan.gaps) {
      const missed = Math.round((gap.end - gap.start) / intervalMs);
      const reason = `the scheduler did not run: ${missed} missed intervals beyond the catch-up bound of ${maxCatchUp}`;
      const claim = await claimInterval(
        store,
        ws,
        {
          ...baseRun(rec.id, rec.version, rule, { ...gap, late: true }, now),
          status: 'gap',
          finishedAt: now,
          error: reason,
        },
        policy,
      );
      if (claim.kind === 'busy') return;
      if (claim.kind === 'covered') {
        // Another runner ran or reported this range meanwhile: resume from its end on the next tick.
        await save({ ...state, coveredUntil: claim.end });
        return;
      }
      logger.warn({ workspace: ws, rule: rec.id, from: gap.start, to: gap.end }, 'scheduled rule gap');
      add(tick, { gaps: 1 });
      const next = { ...state, coveredUntil: gap.end, gaps: state.gaps + 1, lastGap: { ...gap, reason } };
      if (!(await save(next))) return;
    }
    for (const at of plan.runs) {
      const outcome = await runInterval(ws, rec, at, state);
      add(tick, outcome.tick);
      if (outcome.kind === 'stop') return;
      if (!(await save(outcome.state)) || outcome.replan === true) return;
    }
  }

  async function processWorkspace(ws: string, tick: RunnerTick): Promise<void> {
    let after: string | undefined;
    for (;;) {
      const page = await store.listRules(ws, { limit: 1000, ...(after === undefined ? {} : { after }) });
      for (const rec of page) {
        if (!rec.data.enabled) continue;
        tick.rules += 1;
        try {
          await processRule(ws, rec, tick);
        } catch (err) {
          logger.warn({ err, workspace: ws, rule: rec.id }, 'scheduled rule skipped this tick');
        }
      }
      if (page.length < 1000) return;
      after = page.at(-1)?.id;
    }
  }

  const emptyTick = (): RunnerTick => ({ rules: 0, runs: 0, gaps: 0, failed: 0, alerts: 0 });
  let running: Promise<RunnerTick> | undefined;
  return {
    runOnce: () => {
      running ??= (async () => {
        const tick = emptyTick();
        for (const ws of await options.workspaces()) {
          try {
            await processWorkspace(ws, tick);
          } catch (err) {
            logger.warn({ err, workspace: ws }, 'scheduled rules failed for a workspace');
          }
        }
        return tick;
      })().finally(() => {
        running = undefined;
      });
      return running;
    },
    runRule: async (ws, id) => {
      const tick = emptyTick();
      const rec = await store.getRule(ws, id);
      if (rec?.data.enabled === true) {
        tick.rules = 1;
        await processRule(ws, rec, tick);
      }
      return tick;
    },
    stop: async () => {
      await running?.catch(() => undefined);
    },
  };
}

/** Creates the runner and ticks it every `tickMs` (the server's and the worker's composition roots). */
export function startScheduledRuleRunner(options: ScheduledRunnerOptions): ScheduledRuleRunner {
  const runner = createScheduledRuleRunner(options);
  const timer = setInterval(() => {
    runner.runOnce().catch((err: unknown) => options.logger.warn({ err }, 'scheduled rules tick failed'));
  }, options.tickMs ?? 15_000);
  timer.unref();
  return {
    ...runner,
    stop: async () => {
      clearInterval(timer);
      await runner.stop();
    },
  };
}
