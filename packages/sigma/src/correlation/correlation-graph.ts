import type { Problem } from '@vigil/core';
import type { CorrelationRule } from './correlation-rule.ts';

function refsOf(rule: CorrelationRule): string[] {
  return rule.name === undefined ? [rule.id] : [rule.id, rule.name];
}

/**
 * For each correlation, the correlations it references (by id or name), with references that
 * would close a cycle left out; and the rules in an order where inner correlations come first.
 */
export function correlationGraph(rules: readonly CorrelationRule[]): {
  inner: Map<CorrelationRule, CorrelationRule[]>;
  order: CorrelationRule[];
  cycles: CorrelationRule[];
} {
  const byRef = new Map<string, CorrelationRule>();
  for (const rule of rules) for (const ref of refsOf(rule)) if (!byRef.has(ref)) byRef.set(ref, rule);
  const inner = new Map<CorrelationRule, CorrelationRule[]>();
  const order: CorrelationRule[] = [];
  const cycles: CorrelationRule[] = [];
  const state = new Map<CorrelationRule, 'visiting' | 'done'>();
  const visit = (rule: CorrelationRule): void => {
    state.set(rule, 'visiting');
    const deps: CorrelationRule[] = [];
    for (const ref of rule.rules) {
      const dep = byRef.get(ref);
      if (dep === undefined || deps.includes(dep)) continue;
      const s = state.get(dep);
      if (s === 'visiting') {
        cycles.push(rule);
        continue;
      }
      if (s === undefined) visit(dep);
      deps.push(dep);
    }
    inner.set(rule, deps);
    state.set(rule, 'done');
    order.push(rule);
  };
  for (const rule of rules) if (!state.has(rule)) visit(rule);
  return { inner, order, cycles };
}

/**
 * Checks what parsing one document cannot: every referenced rule and alias key names a loaded
 * rule (base or correlation), ids are unique, and correlations do not reference each other in a cycle.
 * Example: `validateCorrelationRefs(correlations, new Set(['proc_a', '5638f7c0-…']))`.
 */
export function validateCorrelationRefs(
  rules: readonly CorrelationRule[],
  baseRefs: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  const known = new Set(baseRefs);
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id))
      problems.push({ where: rule.where, message: `correlation id '${rule.id}' is used twice` });
    seen.add(rule.id);
    for (const ref of refsOf(rule)) known.add(ref);
  }
  for (const rule of rules) {
    for (const ref of rule.rules) {
      if (!known.has(ref))
        problems.push({ where: rule.where, message: `correlation.rules references unknown rule '${ref}'` });
    }
    for (const [alias, mapping] of Object.entries(rule.aliases)) {
      for (const ref of Object.keys(mapping)) {
        if (!known.has(ref)) {
          problems.push({
            where: rule.where,
            message: `correlation.aliases.${alias} names unknown rule '${ref}'`,
          });
        }
      }
    }
  }
  for (const rule of correlationGraph(rules).cycles) {
    problems.push({ where: rule.where, message: `correlation '${rule.id}' is part of a reference cycle` });
  }
  return problems;
}
