import { attackId, tacticsFromBundle, type StixObject } from '../attack/attack-bundle.ts';
import { dataComponentsByTechnique } from './attack-data-components.ts';
import type { AttackBundleProblem, AttackMatrix, AttackTechnique } from './attack-matrix.ts';

export type AttackMatrixResult =
  | { ok: true; matrix: AttackMatrix; warnings: AttackBundleProblem[] }
  | { ok: false; problems: AttackBundleProblem[] };

/** Problems reported at most (a wrong file would otherwise yield thousands). */
const MAX_PROBLEMS = 20;
const TECHNIQUE_ID = /^T\d{4}(\.\d{3})?$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const live = (o: Obj): boolean => o['revoked'] !== true && o['x_mitre_deprecated'] !== true;

function fail(path: string, message: string): AttackMatrixResult {
  return { ok: false, problems: [{ path, message }] };
}

/**
 * Parses an ATT&CK Enterprise STIX 2.x bundle (already JSON-parsed) into the compact matrix:
 * tactics in kill-chain order, live techniques and sub-techniques with their tactics, platforms and
 * data sources; deprecated and revoked objects are dropped. Structural faults are returned, not thrown.
 * Example: `parseAttackMatrix(bundle).ok && matrix.techniques.find((t) => t.id === 'T1059.001')`.
 */
export function parseAttackMatrix(bundle: unknown): AttackMatrixResult {
  if (!isObj(bundle)) return fail('$', 'expected a STIX bundle: a JSON object with "type": "bundle"');
  if (bundle['type'] !== 'bundle')
    return fail('type', `expected "bundle", got ${JSON.stringify(bundle['type'] ?? null)}`);
  const raw = bundle['objects'];
  if (!Array.isArray(raw)) return fail('objects', 'expected an array of STIX objects');
  const objects: Obj[] = raw.filter(isObj);
  const matrices = objects.filter((o) => o['type'] === 'x-mitre-matrix' && live(o));
  if (matrices.length === 0)
    return fail(
      'objects',
      'no x-mitre-matrix object: this is not an ATT&CK bundle (use enterprise-attack.json)',
    );
  const enterprise = matrices.find((o) => attackId(o as StixObject) === 'enterprise-attack');
  if (!enterprise) {
    const found = matrices.map((m) => attackId(m as StixObject) ?? String(m['name'])).join(', ');
    return fail('objects', `not the Enterprise domain (matrix ${found}); import enterprise-attack.json`);
  }
  const tactics = tacticsFromBundle({ objects: [enterprise, ...objects.filter((o) => o !== enterprise)] });
  const refs = strings(enterprise['tactic_refs']);
  if (tactics.length === 0 || tactics.length !== refs.length)
    return fail(
      'objects',
      `the matrix names ${refs.length} tactics but ${tactics.length} were found as live x-mitre-tactic objects`,
    );
  const tacticOrder = new Map(tactics.map((t, i) => [t.shortname, i]));

  const problems: AttackBundleProblem[] = [];
  const warnings: AttackBundleProblem[] = [];
  const components = dataComponentsByTechnique(objects);
  const techniques = new Map<string, AttackTechnique>();
  let modified = '';
  raw.forEach((o, index) => {
    if (!isObj(o)) return;
    if (typeof o['modified'] === 'string' && o['modified'] > modified) modified = o['modified'];
    if (o['type'] !== 'attack-pattern' || !live(o)) return;
    const at = `objects[${index}]`;
    const report = (list: AttackBundleProblem[], path: string, message: string) => {
      if (list.length < MAX_PROBLEMS) list.push({ path, message });
    };
    const id = attackId(o)?.toUpperCase();
    if (id === undefined || !TECHNIQUE_ID.test(id)) {
      report(
        problems,
        `${at}.external_references`,
        'a technique needs a mitre-attack external_id like T1059.001',
      );
      return;
    }
    if (typeof o['name'] !== 'string' || o['name'] === '') {
      report(problems, `${at}.name`, `technique ${id} has no name`);
      return;
    }
    const phases = Array.isArray(o['kill_chain_phases']) ? (o['kill_chain_phases'] as unknown[]) : [];
    const tacticNames = phases
      .filter(isObj)
      .filter((p) => p['kill_chain_name'] === 'mitre-attack' && typeof p['phase_name'] === 'string')
      .map((p) => p['phase_name'] as string);
    const known = tacticNames.filter((t) => tacticOrder.has(t));
    if (known.length === 0) {
      report(warnings, `${at}.kill_chain_phases`, `technique ${id} has no Enterprise tactic; skipped`);
      return;
    }
    if (techniques.has(id)) {
      report(warnings, at, `technique ${id} appears twice; the later object wins`);
    }
    const legacy = strings(o['x_mitre_data_sources']);
    const stixId = typeof o['id'] === 'string' ? o['id'] : '';
    const technique: AttackTechnique = {
      id,
      name: o['name'],
      tactics: [...new Set(known)].sort((a, b) => (tacticOrder.get(a) ?? 0) - (tacticOrder.get(b) ?? 0)),
      platforms: strings(o['x_mitre_platforms']),
      dataSources: [...new Set([...legacy, ...(components.get(stixId) ?? [])])].sort(),
    };
    if (id.includes('.')) technique.parent = id.slice(0, id.indexOf('.'));
    techniques.set(id, technique);
  });
  if (problems.length > 0) return { ok: false, problems };
  if (techniques.size === 0) return fail('objects', 'the bundle holds no live attack-pattern (technique)');
  for (const t of techniques.values()) {
    if (t.parent !== undefined && !techniques.has(t.parent))
      warnings.push({ path: t.id, message: `sub-technique ${t.id} has no live parent ${t.parent}` });
  }
  const version = attackVersionOf(objects);
  return {
    ok: true,
    warnings: warnings.slice(0, MAX_PROBLEMS),
    matrix: {
      domain: 'enterprise-attack',
      modified,
      ...(version === undefined ? {} : { attackVersion: version }),
      tactics,
      techniques: [...techniques.values()].sort((a, b) => a.id.localeCompare(b.id)),
    },
  };
}

/** The ATT&CK release from an `x-mitre-collection` object (bundles from attack-stix-data carry one). */
function attackVersionOf(objects: readonly Obj[]): string | undefined {
  const collection = objects.find((o) => o['type'] === 'x-mitre-collection');
  const v = collection?.['x_mitre_version'];
  return typeof v === 'string' && /^\d+(\.\d+)*$/.test(v) ? v : undefined;
}
