import type { Detection } from '../alerts/detection.ts';
import type { HitGroup } from './group-hits.ts';
import type { ScheduledRule } from './scheduled-rule.ts';
import {
  pruneSuppression,
  suppress,
  suppressionKey,
  type SuppressionState,
} from './scheduled-suppression.ts';
import { triggerFires } from './trigger-fires.ts';

/** A group that met the trigger in a run (what an alert was, or would have been, raised for). */
export interface ScheduledFiring {
  group: Record<string, unknown>;
  count: number;
  value: number | null;
  firstSeenAt: number | null;
  lastSeenAt: number | null;
  /** A few of the group's event ids (the alert links up to 1000). */
  eventIds: string[];
  /** Same rule + group fired within the suppression window: counted, no alert. */
  suppressed: boolean;
}

export interface RunEvaluation {
  firings: ScheduledFiring[];
  /** Alerts to raise (one per run, or one per unsuppressed group). */
  detections: Detection[];
  suppressed: number;
  suppression: SuppressionState;
}

export interface EvaluateRunInput {
  workspace: string;
  ruleId: string;
  ruleVersion: number;
  rule: ScheduledRule;
  groups: readonly HitGroup[];
  interval: { start: number; end: number };
  suppression: SuppressionState;
}

const FIRING_EVENT_IDS = 20;
const MAX_EVENT_IDS = 1000;

/**
 * Applies the trigger to a run's groups, then suppression, and builds the alerts' detections (kind
 * `scheduled`, the rule's severity, group values, samples for entities and first/last seen, event ids).
 * Per-run grouping raises one alert for all firing groups; per-group one per group.
 * Example: `evaluateRun({workspace, ruleId, ruleVersion: 1, rule, groups, interval, suppression: {}})`.
 */
export function evaluateRun(input: EvaluateRunInput): RunEvaluation {
  const { rule, interval } = input;
  const windowMs = rule.suppressionSeconds * 1000;
  let state = pruneSuppression(input.suppression, interval.end);
  const firing = input.groups.filter((g) =>
    triggerFires(g.value, rule.trigger.operator, rule.trigger.threshold),
  );
  const firings: ScheduledFiring[] = [];
  const detections: Detection[] = [];
  let suppressed = 0;
  const firingOf = (g: HitGroup, isSuppressed: boolean): ScheduledFiring => ({
    group: g.group,
    count: g.count,
    value: g.value ?? null,
    firstSeenAt: g.firstSeenAt ?? null,
    lastSeenAt: g.lastSeenAt ?? null,
    eventIds: g.eventIds.slice(0, FIRING_EVENT_IDS),
    suppressed: isSuppressed,
  });
  if (rule.grouping === 'per-group') {
    for (const g of firing) {
      const decision = suppress(state, suppressionKey(rule.trigger.groupBy, g.group), interval.end, windowMs);
      state = decision.state;
      firings.push(firingOf(g, decision.suppressed));
      if (decision.suppressed) suppressed += 1;
      else detections.push(detectionOf(input, [g]));
    }
  } else if (firing.length > 0) {
    const decision = suppress(state, '*', interval.end, windowMs);
    state = decision.state;
    for (const g of firing) firings.push(firingOf(g, decision.suppressed));
    if (decision.suppressed) suppressed += 1;
    else detections.push(detectionOf(input, firing));
  }
  return { firings, detections, suppressed, suppression: state };
}

function describeValue(rule: ScheduledRule, g: HitGroup): string {
  const t = rule.trigger;
  const fn = t.kind === 'count' ? 'count()' : `${t.fn}(${t.field ?? ''})`;
  const group = Object.entries(g.group)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
  return `${fn} = ${String(g.value)} ${t.operator} ${t.threshold}${group === '' ? '' : ` for ${group}`} (${g.count} events)`;
}

function detectionOf(input: EvaluateRunInput, groups: readonly HitGroup[]): Detection {
  const { rule, interval } = input;
  const lines = groups.slice(0, 10).map((g) => `- ${describeValue(rule, g)}`);
  if (groups.length > 10) lines.push(`- … and ${groups.length - 10} more groups`);
  const range = `${new Date(interval.start).toISOString()} – ${new Date(interval.end).toISOString()}`;
  const summary = `Scheduled query fired for event time ${range}:\n${lines.join('\n')}`;
  const samples = groups.flatMap((g) => g.samples).slice(0, 50);
  const eventIds = [...new Set(groups.flatMap((g) => g.eventIds))].slice(0, MAX_EVENT_IDS);
  const last = Math.max(...groups.map((g) => g.lastSeenAt ?? interval.end - 1));
  const only = groups.length === 1 ? groups[0] : undefined;
  const detection: Detection = {
    workspace: input.workspace,
    rule: {
      id: input.ruleId,
      version: input.ruleVersion,
      title: rule.name,
      description: rule.description === '' ? summary : `${rule.description}\n\n${summary}`,
      level: rule.severity,
      tags: rule.tags,
    },
    kind: 'scheduled',
    events: samples,
    eventIds,
    time: last,
  };
  // Only per-group alerts carry group values: they make the alert's dedup key (one alert per group).
  if (only !== undefined && rule.grouping === 'per-group' && rule.trigger.groupBy.length > 0) {
    detection.group = only.group;
  }
  return detection;
}
