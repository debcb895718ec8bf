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
