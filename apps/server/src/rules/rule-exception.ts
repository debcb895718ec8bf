import type { Logsource } from '@vigil/sigma';

/**
 * A local exception (metadata kind `rule-exception`): events the named rule matches but that the
 * workspace accepts. Stored apart from the rule so that it survives rule updates (SigmaHQ re-imports).
 * `conditions` is a Sigma selection: a map of `field|modifier…: value(s)` (all must hold), or a
 * list of such maps (any may hold).
 */
export interface RuleException {
  id: string;
  ruleId: string;
  conditions: Record<string, unknown> | Record<string, unknown>[];
  reason: string;
  owner: string;
  /** Epoch ms after which the exception is ignored; absent = no expiry. */
  expiresAt?: number;
  createdAt: number;
  createdBy?: string;
}

export function isActiveException(e: RuleException, now: number): boolean {
  return e.expiresAt === undefined || e.expiresAt > now;
}

/** The rule id an exception compiles to inside a workspace ruleset (never a real Sigma id). */
export function exceptionRuleId(exceptionId: string): string {
  return `vigil-exception:${exceptionId}`;
}

/**
 * Where exceptions of correlation rules are evaluated: not on events but on the correlation's output,
 * a document of its group-by values plus the fields of correlationOutput (Vigil's own logsource).
 */
export const CORRELATION_OUTPUT_LOGSOURCE: Logsource = { product: 'vigil', service: 'correlation' };

/** What an exception of a correlation rule is matched against: one correlation hit. */
export interface CorrelationOutput {
  ruleId: string;
  ruleTitle: string;
  level: string;
  type: string;
  group: Record<string, unknown>;
  eventCount: number;
}

/**
 * The document an exception of a correlation rule sees: the group-by fields by name (as the rule
 * writes them) and `rule_id`, `rule_title`, `level`, `correlation_type`, `event_count`.
 */
export function correlationOutputDocument(h: CorrelationOutput): Record<string, unknown> {
  return {
    event: { dataset: 'vigil.correlation' },
    raw: {
      rule_id: h.ruleId,
      rule_title: h.ruleTitle,
      level: h.level,
      correlation_type: h.type,
      event_count: h.eventCount,
      ...h.group,
    },
  };
}

/**
 * The exception as a Sigma rule document (JSON is YAML) with the parent rule's logsource, so it is
 * routed and field-mapped exactly like the rule it excepts.
 */
export function exceptionRuleText(
  e: Pick<RuleException, 'id' | 'conditions'>,
  logsource: Logsource | undefined,
): string {
  return JSON.stringify({
    title: `Exception ${e.id}`,
    id: exceptionRuleId(e.id),
    logsource: logsource ?? {},
    detection: { exception: e.conditions, condition: 'exception' },
  });
}
