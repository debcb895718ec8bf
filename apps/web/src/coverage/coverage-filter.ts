import type { Coverage, CoverageState, TechniqueCoverage } from './coverage-api.ts';

export interface CoverageFilter {
  /** '' for every platform. */
  readonly platform: string;
  /** '' for every state. */
  readonly state: '' | CoverageState;
  readonly subtechniques: boolean;
}

export interface MatrixColumn {
  readonly tactic: string;
  readonly name: string;
  /** Techniques of the tactic that pass the filter; sub-techniques follow their parent when shown. */
  readonly techniques: readonly TechniqueCoverage[];
}

/** Every platform named by a technique, sorted. */
export function platformsOf(coverage: Coverage): string[] {
  return [...new Set(coverage.techniques.flatMap((t) => t.platforms))].sort((a, b) => a.localeCompare(b));
}

const passes = (t: TechniqueCoverage, f: CoverageFilter) =>
  (f.platform === '' || t.platforms.includes(f.platform)) && (f.state === '' || t.state === f.state);

/**
 * The matrix columns: one per tactic in kill-chain order, techniques by name. A parent hidden by the
 * filter still shows when one of its shown sub-techniques passes, so the sub-technique has context.
 */
export function matrixColumns(coverage: Coverage, filter: CoverageFilter): MatrixColumn[] {
  const subsOf = new Map<string, TechniqueCoverage[]>();
  for (const t of coverage.techniques) {
    if (t.parent === undefined) continue;
    subsOf.set(t.parent, [...(subsOf.get(t.parent) ?? []), t]);
  }
  return coverage.tactics.map((tactic) => {
    const parents = coverage.techniques
      .filter((t) => t.parent === undefined && t.tactics.includes(tactic.shortname))
      .sort((a, b) => a.name.localeCompare(b.name));
    const techniques = parents.flatMap((p) => {
      const subs = filter.subtechniques
        ? (subsOf.get(p.id) ?? [])
            .filter((s) => s.tactics.includes(tactic.shortname) && passes(s, filter))
            .sort((a, b) => a.id.localeCompare(b.id))
        : [];
      return passes(p, filter) || subs.length > 0 ? [p, ...subs] : [];
    });
    return { tactic: tactic.shortname, name: tactic.name, techniques };
  });
}
