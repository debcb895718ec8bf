import { userError, type EventSearch } from '@vigil/core';
import type { QueryPlan } from '@vigil/query';
import { coverWindows, type ScheduledRule, type SuppressionState } from '@vigil/cases';
import { executeInterval } from './execute-interval.ts';
import { firingView } from './scheduled-rule-view.ts';

/** Bounds of one dry run (scheduledRules.simulation* settings), so it stays interactive. */
export interface SimulationLimits {
  maxRangeMs: number;
  maxWindows: number;
  maxEventsPerWindow: number;
  timeoutMs: number;
}

/** The defaults of the configuration schema. */
export const DEFAULT_SIMULATION_LIMITS: SimulationLimits = {
  maxRangeMs: 31 * 86_400_000,
  maxWindows: 2000,
  maxEventsPerWindow: 50_000,
  timeoutMs: 30_000,
};

/** An alert the rule would have raised in a window. */
export interface WouldBeAlert {
  window: { start: string; end: string };
  title: string;
  severity: string;
  description: string;
  group: Readonly<Record<string, unknown>> | null;
  eventIds: string[];
  eventCount: number;
  value: number | null;
}

export interface SimulationInput {
  search: EventSearch<QueryPlan>;
  workspace: string;
  ruleId: string;
  ruleVersion: number;
  rule: ScheduledRule;
  from: number;
  to: number;
  limits: SimulationLimits;
}

/**
 * A dry run of a rule over `[from, to)`: the range split at the rule's interval boundaries, each window
 * evaluated as the scheduler would (suppression carried from window to window), nothing written and
 * no alert raised. Returns the would-be alerts and every window's figures.
 */
export async function simulateScheduledRule(input: SimulationInput) {
  const { rule, from, to, limits } = input;
  if (to <= from)
    throw userError('INVALID_TIME_RANGE', '"to" must be after "from"', { details: { field: 'to' } });
  if (to - from > limits.maxRangeMs) {
    const days = limits.maxRangeMs / 86_400_000;
    throw userError('TIME_RANGE_TOO_LONG', `a simulation may cover at most ${days} days`, {
      details: { field: 'to', maxDays: days },
    });
  }
  const windows = coverWindows(from, to, rule.intervalSeconds * 1000);
  if (windows.length > limits.maxWindows) {
    throw userError(
      'TIME_RANGE_TOO_LONG',
      `the range spans ${windows.length} intervals; a simulation evaluates at most ${limits.maxWindows}`,
      { details: { field: 'to', windows: windows.length, max: limits.maxWindows } },
    );
  }
  let suppression: SuppressionState = {};
  const out = [];
  const alerts: WouldBeAlert[] = [];
  let hits = 0;
  let suppressed = 0;
  for (const w of windows) {
    const exec = await executeInterval({
      search: input.search,
      workspace: input.workspace,
      ruleId: input.ruleId,
      ruleVersion: input.ruleVersion,
      rule,
      interval: w,
      suppression,
      maxEvents: limits.maxEventsPerWindow,
      timeoutMs: limits.timeoutMs,
    });
    suppression = exec.evaluation.suppression;
    hits += exec.hits;
    suppressed += exec.evaluation.suppressed;
    out.push({
      start: new Date(w.start).toISOString(),
      end: new Date(w.end).toISOString(),
      hits: exec.hits,
      truncated: exec.truncated,
      groups: exec.groups,
      firings: exec.evaluation.firings.map(firingView),
      alerts: exec.evaluation.detections.length,
    });
    // Unsuppressed firings line up with the detections: one each per group, all of them per run.
    const live = exec.evaluation.firings.filter((f) => !f.suppressed);
    exec.evaluation.detections.forEach((d, i) => {
      const covered = rule.grouping === 'per-group' ? live.slice(i, i + 1) : live;
      alerts.push({
        window: { start: new Date(w.start).toISOString(), end: new Date(w.end).toISOString() },
        title: d.rule.title,
        severity: rule.severity,
        description: d.rule.description ?? '',
        group: d.group ?? null,
        eventIds: (d.eventIds ?? []).slice(0, 50),
        eventCount: covered.reduce((n, f) => n + f.count, 0),
        value: covered.length === 1 ? (covered[0]?.value ?? null) : null,
      });
    });
  }
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    hits,
    suppressed,
    alerts,
    windows: out,
  };
}
