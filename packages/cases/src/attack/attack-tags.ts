import { attackTactics } from './attack-tactics.ts';

/** Technique id → tactic shortnames; built from the bundle by the composition root (techniqueTacticsFromBundle). */
export type TechniqueTactics = ReadonlyMap<string, readonly string[]>;

export interface AttackMapping {
  /** Tactic shortnames in kill-chain order, without duplicates. */
  tactics: string[];
  /** Technique ids (`T1059.001`), upper case, sorted, without duplicates. */
  techniques: string[];
}

const tacticIndex = new Map<string, number>(attackTactics.map((t, i) => [t.shortname, i]));
const tacticById = new Map<string, string>(attackTactics.map((t) => [t.id, t.shortname]));

/** Position of a tactic in the kill chain (0 = reconnaissance), or -1 when unknown. */
export function killChainIndex(shortname: string): number {
  return tacticIndex.get(shortname) ?? -1;
}

/**
 * Maps Sigma tags to ATT&CK tactics and techniques. Tactic tags use the shortname with `_` or `-`
 * (`attack.command_and_control`) or the id (`attack.ta0011`); technique tags are `attack.t1059[.001]`.
 * With `techniqueTactics`, techniques also contribute their tactics (a sub-technique falls back to its parent).
 * Example: `attackFromTags(['attack.execution', 'attack.t1059.001']).techniques` → `['T1059.001']`.
 */
export function attackFromTags(tags: readonly string[], techniqueTactics?: TechniqueTactics): AttackMapping {
  const tactics = new Set<string>();
  const techniques = new Set<string>();
  for (const tag of tags) {
    const lower = tag.trim().toLowerCase();
    if (!lower.startsWith('attack.')) continue;
    const rest = lower.slice('attack.'.length);
    if (/^t\d{4}(\.\d{3})?$/.test(rest)) {
      techniques.add(rest.toUpperCase());
      continue;
    }
    const byId = /^ta\d{4}$/.test(rest) ? tacticById.get(rest.toUpperCase()) : undefined;
    const shortname = byId ?? rest.replaceAll('_', '-');
    if (tacticIndex.has(shortname)) tactics.add(shortname);
  }
  if (techniqueTactics !== undefined) {
    for (const technique of techniques) {
      const parent = technique.split('.')[0] ?? technique;
      for (const t of techniqueTactics.get(technique) ?? techniqueTactics.get(parent) ?? []) {
        if (tacticIndex.has(t)) tactics.add(t);
      }
    }
  }
  return {
    tactics: [...tactics].sort((a, b) => killChainIndex(a) - killChainIndex(b)),
    techniques: [...techniques].sort(),
  };
}
