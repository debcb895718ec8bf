import type { Detection, DetectionRuleRef } from './detection.ts';

/**
 * What the detection side knows of a Sigma rule: structurally the sigma package's `RuleInfo` /
 * `CorrelationRule` (this package does not import sigma), plus Vigil's rule version when known.
 */
export interface SigmaRuleLike {
  id: string;
  title: string;
  level?: string | undefined;
  status?: string | undefined;
  description?: string | undefined;
  tags: readonly string[];
  logsource?: { product?: string | undefined; category?: string | undefined; service?: string | undefined };
}

/** Structurally the sigma package's `CorrelationHit`. */
export interface CorrelationHitLike {
  ruleId: string;
  ruleTitle: string;
  level: string;
  type: string;
  group: Record<string, unknown>;
  eventIndexes: readonly number[];
  time: number;
}

function ruleRef(rule: SigmaRuleLike, version: number | undefined): DetectionRuleRef {
  const ref: DetectionRuleRef = { id: rule.id, title: rule.title, tags: [...rule.tags] };
  if (version !== undefined) ref.version = version;
  if (rule.level !== undefined) ref.level = rule.level;
  if (rule.status !== undefined) ref.status = rule.status;
  if (rule.description !== undefined) ref.description = rule.description;
  const ls = rule.logsource;
  if (ls !== undefined) {
    const logsource: NonNullable<DetectionRuleRef['logsource']> = {};
    if (ls.product !== undefined) logsource.product = ls.product;
    if (ls.category !== undefined) logsource.category = ls.category;
    if (ls.service !== undefined) logsource.service = ls.service;
    ref.logsource = logsource;
  }
  return ref;
}

/**
 * The domain event for a single-event Sigma match. Example:
 * `ruleset.match(event).map((r) => detectionFromRuleMatch('default', r, event, eventTime(event)))`.
 */
export function detectionFromRuleMatch(
  workspace: string,
  rule: SigmaRuleLike,
  event: Record<string, unknown>,
  time: number,
  version?: number,
): Detection {
  return { workspace, rule: ruleRef(rule, version), kind: 'event', events: [event], time };
}

/**
 * The domain event for a correlation hit. `eventAt` returns the stored event of an input index (or
 * undefined when it is no longer at hand; pass `eventIds` then). `rule` supplies tags/description/status.
 */
export function detectionFromCorrelationHit(
  workspace: string,
  hit: CorrelationHitLike,
  eventAt: (index: number) => Record<string, unknown> | undefined,
  rule?: SigmaRuleLike,
  options: { eventIds?: readonly string[]; version?: number } = {},
): Detection {
  const events = hit.eventIndexes.flatMap((i) => {
    const e = eventAt(i);
    return e === undefined ? [] : [e];
  });
  const ref = ruleRef(
    rule ?? { id: hit.ruleId, title: hit.ruleTitle, level: hit.level, tags: [] },
    options.version,
  );
  ref.level ??= hit.level;
  const detection: Detection = {
    workspace,
    rule: ref,
    kind: 'correlation',
    correlationType: hit.type,
    events,
    group: { ...hit.group },
    time: hit.time,
  };
  if (options.eventIds !== undefined) detection.eventIds = [...options.eventIds];
  return detection;
}
