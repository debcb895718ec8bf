import type { CoverageRuleInput, LogsourceSeen } from '@vigil/cases';
import { routeRule, type Logsource, type Rejection } from '@vigil/sigma';
import type { StoredRule } from '../rules/stored-rule.ts';
import type { RuleHealth } from './rule-health.ts';

/** `windows/process_creation`; `*` for an empty logsource. */
export function logsourceLabel(ls: Logsource): string {
  return [ls.product, ls.category, ls.service].filter((p) => p !== undefined && p !== '').join('/') || '*';
}

function seenOf(ls: Logsource, seen: Readonly<Record<string, number>>): LogsourceSeen {
  const route = routeRule(ls);
  let lastSeen: number | undefined;
  for (const t of route.targets) {
    const at = seen[t.key];
    if (at !== undefined && (lastSeen === undefined || at > lastSeen)) lastSeen = at;
  }
  return {
    logsource: logsourceLabel(ls),
    routed: route.routed,
    ...(lastSeen === undefined ? {} : { lastSeen }),
  };
}

/**
 * The workspace's rules as coverage inputs: each rule's logsource (a correlation's: those of the rules
 * it references) with when data for it was last seen, and its health (compile rejections of the running
 * ruleset, hit counter, last hit). Filters are not detections and are left out.
 */
export function ruleCoverageInputs(
  rules: readonly StoredRule[],
  seen: Readonly<Record<string, number>>,
  health: ReadonlyMap<string, RuleHealth>,
  rejected: readonly Rejection[],
): CoverageRuleInput[] {
  const byRef = new Map<string, StoredRule>();
  for (const r of rules) {
    byRef.set(r.id, r);
    if (r.name !== undefined) byRef.set(r.name, r);
  }
  const errorsByFile = new Map<string, string[]>();
  for (const r of rejected) errorsByFile.set(r.file, [...(errorsByFile.get(r.file) ?? []), r.reason]);
  return rules
    .filter((r) => r.type !== 'filter')
    .map((r) => {
      const sources =
        r.type === 'correlation'
          ? (r.references ?? []).flatMap((ref) => {
              const target = byRef.get(ref)?.logsource;
              return target ? [target] : [];
            })
          : [r.logsource ?? {}];
      const labels = new Set<string>();
      const data = sources
        .map((ls) => seenOf(ls, seen))
        .filter((d) => !labels.has(d.logsource) && labels.add(d.logsource));
      const h = health.get(r.id);
      return {
        id: r.id,
        title: r.title,
        level: r.level ?? 'medium',
        enabled: r.enabled,
        tags: r.tags,
        data,
        errors: errorsByFile.get(r.file) ?? [],
        hits: h?.hits ?? 0,
        ...(h?.lastHit === undefined ? {} : { lastHit: h.lastHit }),
      };
    });
}
