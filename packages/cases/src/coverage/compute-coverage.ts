import { attackFromTags } from '../attack/attack-tags.ts';
import type { AttackMatrix } from './attack-matrix.ts';
import { coverageStates } from './technique-coverage.ts';
import type {
  CoverageRule,
  CoverageRuleInput,
  CoverageState,
  TechniqueCoverage,
} from './technique-coverage.ts';

export interface CoverageOptions {
  /** Epoch ms "now" of the report. */
  now: number;
  /** How recent an event must be to count as data seen (default 7 days). */
  windowMs?: number;
}

export interface CoverageReport {
  generatedAt: number;
  windowMs: number;
  /** Techniques of the matrix in id order, each with its state. */
  techniques: TechniqueCoverage[];
  /** Technique ids rules are tagged with that the matrix does not hold (revoked, deprecated, typos). */
  unknownTechniques: { id: string; rules: string[] }[];
  /** Rules without any ATT&CK technique tag (tactic-only tags do not place a rule in a cell). */
  untaggedRules: number;
  counts: Record<CoverageState, number>;
}

export const DEFAULT_COVERAGE_WINDOW_MS = 7 * 24 * 3600 * 1000;

function ruleEntry(rule: CoverageRuleInput, since: number, via?: string): CoverageRule {
  const dataSeen = rule.data.some((d) => d.lastSeen !== undefined && d.lastSeen >= since);
  return {
    id: rule.id,
    title: rule.title,
    level: rule.level,
    enabled: rule.enabled,
    dataSeen,
    data: rule.data.map((d) => ({ ...d })),
    errors: [...rule.errors],
    hits: rule.hits,
    ...(rule.lastHit === undefined ? {} : { lastHit: rule.lastHit }),
    ...(via === undefined ? {} : { via }),
  };
}

function stateOf(rules: readonly CoverageRule[]): CoverageState {
  if (rules.length === 0) return 'none';
  const enabled = rules.filter((r) => r.enabled);
  if (enabled.length === 0) return 'rules-disabled';
  return enabled.some((r) => r.dataSeen) ? 'covered' : 'covered-but-no-data';
}

/**
 * Coverage of every technique of the matrix by the workspace's rules. A rule tagged `attack.t1059.001`
 * covers T1059.001 and, through it, its parent T1059 (marked `via`); a parent tag does not cover its
 * sub-techniques. States: `covered` (an enabled rule whose data was seen in the window),
 * `covered-but-no-data`, `rules-disabled` (only disabled rules), `none`.
 */
export function computeCoverage(
  matrix: AttackMatrix,
  rules: readonly CoverageRuleInput[],
  options: CoverageOptions,
): CoverageReport {
  const windowMs = options.windowMs ?? DEFAULT_COVERAGE_WINDOW_MS;
  const since = options.now - windowMs;
  const known = new Set(matrix.techniques.map((t) => t.id));
  const byTechnique = new Map<string, CoverageRule[]>();
  const unknown = new Map<string, string[]>();
  let untaggedRules = 0;
  const add = (technique: string, entry: CoverageRule) => {
    const list = byTechnique.get(technique) ?? [];
    if (!list.some((r) => r.id === entry.id)) list.push(entry);
    byTechnique.set(technique, list);
  };
  for (const rule of rules) {
    const { techniques } = attackFromTags(rule.tags);
    if (techniques.length === 0) untaggedRules++;
    for (const id of techniques) {
      if (!known.has(id)) {
        unknown.set(id, [...(unknown.get(id) ?? []), rule.id]);
        continue;
      }
      add(id, ruleEntry(rule, since));
    }
  }
  // Sub-technique rules also count for the parent; a direct tag on the parent takes precedence.
  for (const id of [...byTechnique.keys()]) {
    const dot = id.indexOf('.');
    if (dot < 0) continue;
    const parent = id.slice(0, dot);
    if (!known.has(parent)) continue;
    for (const r of byTechnique.get(id) ?? []) add(parent, { ...r, via: id });
  }
  const counts = Object.fromEntries(coverageStates.map((s) => [s, 0])) as Record<CoverageState, number>;
  const techniques = matrix.techniques.map((t): TechniqueCoverage => {
    const list = (byTechnique.get(t.id) ?? []).sort(
      (a, b) => Number(b.enabled) - Number(a.enabled) || a.title.localeCompare(b.title),
    );
    const enabled = list.filter((r) => r.enabled);
    const lastHit = Math.max(...list.map((r) => r.lastHit ?? Number.NEGATIVE_INFINITY));
    const state = stateOf(list);
    counts[state]++;
    return {
      id: t.id,
      name: t.name,
      tactics: [...t.tactics],
      platforms: [...t.platforms],
      dataSources: [...t.dataSources],
      ...(t.parent === undefined ? {} : { parent: t.parent }),
      state,
      rules: list,
      enabledRules: enabled.length,
      disabledRules: list.length - enabled.length,
      rulesWithData: enabled.filter((r) => r.dataSeen).length,
      hits: list.reduce((n, r) => n + r.hits, 0),
      ...(Number.isFinite(lastHit) ? { lastHit } : {}),
      errors: list.reduce((n, r) => n + r.errors.length, 0),
    };
  });
  return {
    generatedAt: options.now,
    windowMs,
    techniques,
    unknownTechniques: [...unknown]
      .map(([id, ruleIds]) => ({ id, rules: ruleIds }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    untaggedRules,
    counts,
  };
}
