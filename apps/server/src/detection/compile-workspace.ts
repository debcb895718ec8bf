import { loadRules, suppressedRuleRefs } from '@vigil/sigma';
import type { CorrelationRule, Rejection, Ruleset } from '@vigil/sigma';
import { exceptionRuleId, exceptionRuleText } from '../rules/rule-exception.ts';
import type { RuleException } from '../rules/rule-exception.ts';
import { sha256 } from '../rules/rule-documents.ts';
import type { StoredRule } from '../rules/stored-rule.ts';

/** What the detector knows about one compiled entry of the ruleset (by ruleset index). */
export type CompiledEntry =
  | {
      kind: 'rule';
      rule: StoredRule;
      /** Report its own matches (enabled and not only an input of non-generating correlations). */
      emit: boolean;
    }
  | { kind: 'exception'; exception: RuleException };

/** A workspace's enabled rules and active exceptions, compiled once (DESIGN §6). */
export interface CompiledWorkspace {
  revision: number;
  ruleset: Ruleset;
  entries: CompiledEntry[];
  /** Correlations to evaluate, and the enabled ones among them (the others only feed outer ones). */
  correlations: CorrelationRule[];
  emitCorrelations: Set<string>;
  /** Stored rules by id (correlation hits name their rule by id). */
  stored: Map<string, StoredRule>;
  /** Identifies the correlation set: an unchanged set keeps its engine (and window state). */
  correlationKey: string;
  /** Epoch ms when the next active exception expires (recompile then); Infinity when none. */
  nextExpiry: number;
  /** Stored rules the loader refused now (e.g. a placeholder no longer resolvable). */
  rejected: Rejection[];
}

/** Every rule an enabled correlation needs, by following references (ids or names) transitively. */
function needed(rules: readonly StoredRule[]): Set<StoredRule> {
  const byRef = new Map<string, StoredRule>();
  for (const r of rules) {
    byRef.set(r.id, r);
    if (r.name !== undefined && !byRef.has(r.name)) byRef.set(r.name, r);
  }
  const out = new Set<StoredRule>();
  const queue = rules.filter((r) => r.enabled && r.type !== 'filter');
  while (queue.length > 0) {
    const r = queue.pop() as StoredRule;
    if (out.has(r)) continue;
    out.add(r);
    if (r.type === 'correlation')
      for (const ref of r.references ?? []) {
        const dep = byRef.get(ref);
        if (dep && !out.has(dep)) queue.push(dep);
      }
  }
  for (const r of rules) if (r.enabled && r.type === 'filter') out.add(r);
  return out;
}

/**
 * Compiles what runs for a workspace: enabled rules, filters and correlations, the (possibly
 * disabled) rules enabled correlations need, and the active exceptions of the included rules as
 * extra rules with their parent's logsource, so one matching pass finds both.
 */
export function compileWorkspace(
  revision: number,
  rules: readonly StoredRule[],
  exceptions: ReadonlyMap<string, readonly RuleException[]>,
  placeholders: Readonly<Record<string, readonly string[]>> = {},
): CompiledWorkspace {
  const included = needed(rules);
  const stored = new Map<string, StoredRule>();
  const sources = [];
  let nextExpiry = Number.POSITIVE_INFINITY;
  const exceptionsById = new Map<string, RuleException>();
  for (const r of included) {
    stored.set(r.id, r);
    sources.push({ path: r.file, text: r.text });
    if (r.type !== 'rule') continue;
    for (const e of exceptions.get(r.id) ?? []) {
      exceptionsById.set(exceptionRuleId(e.id), e);
      sources.push({ path: `exception ${e.id}`, text: exceptionRuleText(e, r.logsource ?? {}) });
      if (e.expiresAt !== undefined) nextExpiry = Math.min(nextExpiry, e.expiresAt);
    }
  }
  const { ruleset, rejected } = loadRules(sources, { placeholders });
  const quiet = suppressedRuleRefs(ruleset.correlations, ruleset.rules);
  const entries: CompiledEntry[] = ruleset.rules.map((info) => {
    const exception = exceptionsById.get(info.id);
    if (exception) return { kind: 'exception', exception };
    const rule = stored.get(info.id) as StoredRule;
    const muted = quiet.has(info.id) || (info.name !== undefined && quiet.has(info.name));
    return { kind: 'rule', rule, emit: rule.enabled && !muted };
  });
  const correlations = [...ruleset.correlations];
  const emitCorrelations = new Set(
    correlations.filter((c) => stored.get(c.id)?.enabled === true).map((c) => c.id),
  );
  const correlationKey = sha256(
    correlations
      .map((c) => `${c.id}:${stored.get(c.id)?.sha256 ?? ''}`)
      .sort()
      .join('\n'),
  );
  return {
    revision,
    ruleset,
    entries,
    correlations,
    emitCorrelations,
    stored,
    correlationKey,
    nextExpiry,
    rejected,
  };
}
