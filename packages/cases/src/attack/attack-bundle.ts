/**
 * Reads the parts of an ATT&CK Enterprise STIX bundle (already parsed JSON) that cases need:
 * the tactics in kill-chain order (from the matrix's `tactic_refs`) and each technique's tactics.
 * Pure: the caller reads and decompresses the file.
 */

export interface AttackTacticInfo {
  /** `x_mitre_shortname`, e.g. `initial-access`. */
  shortname: string;
  /** `TA0001`. */
  id: string;
  name: string;
}

export interface StixObject {
  type?: unknown;
  id?: unknown;
  name?: unknown;
  revoked?: unknown;
  x_mitre_deprecated?: unknown;
  x_mitre_shortname?: unknown;
  tactic_refs?: unknown;
  external_references?: unknown;
  kill_chain_phases?: unknown;
}

function objectsOf(bundle: unknown): StixObject[] {
  if (bundle === null || typeof bundle !== 'object') return [];
  const objects = (bundle as { objects?: unknown }).objects;
  return Array.isArray(objects)
    ? objects.filter((o): o is StixObject => o !== null && typeof o === 'object')
    : [];
}

/** The ATT&CK id (`T1059.001`, `TA0002`) of a STIX object, from its `mitre-attack` external reference. */
export function attackId(o: StixObject): string | undefined {
  if (!Array.isArray(o.external_references)) return undefined;
  for (const ref of o.external_references as { source_name?: unknown; external_id?: unknown }[]) {
    if (ref.source_name === 'mitre-attack' && typeof ref.external_id === 'string') return ref.external_id;
  }
  return undefined;
}

const live = (o: StixObject): boolean => o.revoked !== true && o.x_mitre_deprecated !== true;

/** The Enterprise tactics in kill-chain order. Example: `tacticsFromBundle(b)[0].shortname === 'reconnaissance'`. */
export function tacticsFromBundle(bundle: unknown): AttackTacticInfo[] {
  const objects = objectsOf(bundle);
  const byRef = new Map<string, AttackTacticInfo>();
  for (const o of objects) {
    if (o.type !== 'x-mitre-tactic' || !live(o) || typeof o.id !== 'string') continue;
    const id = attackId(o);
    if (id === undefined || typeof o.x_mitre_shortname !== 'string' || typeof o.name !== 'string') continue;
    byRef.set(o.id, { shortname: o.x_mitre_shortname, id, name: o.name });
  }
  const matrix = objects.find((o) => o.type === 'x-mitre-matrix' && live(o) && Array.isArray(o.tactic_refs));
  const refs = (matrix?.tactic_refs as unknown[] | undefined) ?? [];
  return refs.flatMap((ref) => {
    const tactic = typeof ref === 'string' ? byRef.get(ref) : undefined;
    return tactic === undefined ? [] : [tactic];
  });
}

/**
 * Technique id (`T1059`, `T1059.001`) → tactic shortnames, from `kill_chain_phases`.
 * Example: `techniqueTacticsFromBundle(b).get('T1059.001')` → `['execution']`.
 */
export function techniqueTacticsFromBundle(bundle: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const o of objectsOf(bundle)) {
    if (o.type !== 'attack-pattern' || !live(o) || !Array.isArray(o.kill_chain_phases)) continue;
    const id = attackId(o);
    if (id === undefined) continue;
    const tactics = (o.kill_chain_phases as { kill_chain_name?: unknown; phase_name?: unknown }[])
      .filter((p) => p.kill_chain_name === 'mitre-attack' && typeof p.phase_name === 'string')
      .map((p) => p.phase_name as string);
    out.set(id.toUpperCase(), tactics);
  }
  return out;
}
