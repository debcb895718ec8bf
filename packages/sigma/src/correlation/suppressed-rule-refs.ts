import type { CorrelationRule } from './correlation-rule.ts';

/**
 * Ids and names of rules whose own matches should not be reported: rules referenced by
 * correlations, none of which sets `generate: true` (the spec's default is to output only the
 * correlation). A rule referenced by at least one generating correlation stays reported.
 * Example: a base rule used only by a default correlation → its id is in the set.
 * Callers test both a rule's id and its name; pass `baseRules` so that a rule referenced by id
 * in one correlation and by name in another is resolved as one rule.
 */
export function suppressedRuleRefs(
  rules: readonly CorrelationRule[],
  baseRules: readonly { id: string; name?: string }[] = [],
): Set<string> {
  const referenced = new Set<string>();
  const generated = new Set<string>();
  for (const rule of rules) {
    for (const ref of rule.rules) (rule.generate ? generated : referenced).add(ref);
  }
  // A rule may be referenced by id in one correlation and by name in another: the id/name pairs
  // of correlations (and of base rules, when given) tie the two refs together.
  for (const rule of [...rules, ...baseRules]) {
    const refs = rule.name === undefined ? [rule.id] : [rule.id, rule.name];
    if (refs.some((r) => generated.has(r))) for (const r of refs) generated.add(r);
  }
  for (const ref of generated) referenced.delete(ref);
  return referenced;
}
