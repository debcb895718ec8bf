import { loadRules, loadRulesSliced, suppressedRuleRefs } from '@vigil/sigma';
import type { CorrelationRule, Rejection, RuleInfo, RuleSource, Ruleset, Slicer } from '@vigil/sigma';
import { CORRELATION_OUTPUT_LOGSOURCE, exceptionRuleId, exceptionRuleText } from '../rules/rule-exception.ts';
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

/** A workspace's enabled rules and active exceptions, compiled once (DESIGN §6), matcher on this thread. */
export interface CompiledWorkspace extends WorkspaceRules {
  ruleset: Ruleset;
}

/** A compiled workspace whose matcher may live in the match workers instead (`poolKey`). */
export interface WorkspaceRules {
  revision: number;
  /** The matcher, when compiled on this thread; undefined when it lives in the match workers. */
  ruleset: Ruleset | undefined;
  /** Ruleset key in the match pool (workspace and compile version). */
  poolKey?: string;
  /** The compiled rules, by ruleset index. */
  rules: readonly RuleInfo[];
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
  /** Exceptions of correlation rules, compiled against their output (see correlationOutputDocument). */
  outputExceptions: OutputExceptions;
}

/** A ruleset of correlation exceptions and, by its rule index, the exception each one is. */
export interface OutputExceptions {
  ruleset: Ruleset | undefined;
  byIndex: RuleException[];
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

export interface WorkspacePlan {
  sources: RuleSource[];
  /** Exceptions of correlation rules (compiled apart: they match hits, not events). */
  outputSources: RuleSource[];
  stored: Map<string, StoredRule>;
  exceptionsById: Map<string, RuleException>;
  nextExpiry: number;
}

/** The rule texts to compile for a workspace (see compileWorkspace). */
export function planWorkspace(
  rules: readonly StoredRule[],
  exceptions: ReadonlyMap<string, readonly RuleException[]>,
): WorkspacePlan {
  const stored = new Map<string, StoredRule>();
  const sources: RuleSource[] = [];
  const outputSources: RuleSource[] = [];
  let nextExpiry = Number.POSITIVE_INFINITY;
  const exceptionsById = new Map<string, RuleException>();
  for (const r of needed(rules)) {
    stored.set(r.id, r);
    sources.push({ path: r.file, text: r.text });
    if (r.type === 'filter') continue;
    for (const e of exceptions.get(r.id) ?? []) {
      exceptionsById.set(exceptionRuleId(e.id), e);
      if (r.type === 'correlation')
        outputSources.push({
          path: `exception ${e.id}`,
          text: exceptionRuleText(e, CORRELATION_OUTPUT_LOGSOURCE),
        });
      else sources.push({ path: `exception ${e.id}`, text: exceptionRuleText(e, r.logsource ?? {}) });
      if (e.expiresAt !== undefined) nextExpiry = Math.min(nextExpiry, e.expiresAt);
    }
  }
  return { sources, outputSources, stored, exceptionsById, nextExpiry };
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
): CompiledWorkspace & { ruleset: Ruleset } {
  const plan = planWorkspace(rules, exceptions);
  const { ruleset, rejected } = loadRules(plan.sources, { placeholders });
  return { ...assembleWorkspace(revision, plan, { ...partsOf(ruleset), rejected }), ruleset };
}

/** compileWorkspace spread over event-loop turns (see loadRulesSliced), for the ingest path. */
export async function compileWorkspaceSliced(
  revision: number,
  rules: readonly StoredRule[],
  exceptions: ReadonlyMap<string, readonly RuleException[]>,
  placeholders: Readonly<Record<string, readonly string[]>>,
  slicer: Slicer,
): Promise<CompiledWorkspace> {
  const plan = planWorkspace(rules, exceptions);
  const { ruleset, rejected } = await loadRulesSliced(plan.sources, { placeholders }, slicer);
  return { ...assembleWorkspace(revision, plan, { ...partsOf(ruleset), rejected }), ruleset };
}

function partsOf(ruleset: Ruleset) {
  return { rules: ruleset.rules, correlations: ruleset.correlations };
}

/** What a compile of a plan's sources produced, on this thread (with `ruleset`) or in the match workers. */
export interface CompiledParts {
  rules: readonly RuleInfo[];
  correlations: readonly CorrelationRule[];
  rejected: readonly Rejection[];
}

/** Puts a compiled plan together with what the detector needs to know about each ruleset index. */
export function assembleWorkspace(
  revision: number,
  plan: WorkspacePlan,
  loaded: CompiledParts,
): WorkspaceRules {
  const { stored, exceptionsById, nextExpiry } = plan;
  const rejected = [...loaded.rejected];
  // Few and small (one per exception): compiled at once.
  let outputExceptions: OutputExceptions = { ruleset: undefined, byIndex: [] };
  if (plan.outputSources.length > 0) {
    const out = loadRules(plan.outputSources);
    rejected.push(...out.rejected);
    outputExceptions = {
      ruleset: out.ruleset,
      byIndex: out.ruleset.rules.map((r) => exceptionsById.get(r.id) as RuleException),
    };
  }
  const quiet = suppressedRuleRefs(loaded.correlations, loaded.rules);
  const entries: CompiledEntry[] = loaded.rules.map((info) => {
    const exception = exceptionsById.get(info.id);
    if (exception) return { kind: 'exception', exception };
    const rule = stored.get(info.id) as StoredRule;
    const muted = quiet.has(info.id) || (info.name !== undefined && quiet.has(info.name));
    return { kind: 'rule', rule, emit: rule.enabled && !muted };
  });
  const correlations = [...loaded.correlations];
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
    ruleset: undefined,
    rules: loaded.rules,
    entries,
    correlations,
    emitCorrelations,
    stored,
    correlationKey,
    nextExpiry,
    rejected,
    outputExceptions,
  };
}
