/**
 * ATT&CK v18 moved data sources off techniques: a detection strategy `detects` a technique and lists
 * analytics, whose log-source references name data components. This walks that chain once and answers,
 * per technique STIX id, the names of the data components that can reveal it.
 */

type Obj = Record<string, unknown>;

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** Technique STIX id → data component names, sorted. */
export function dataComponentsByTechnique(objects: readonly Obj[]): Map<string, string[]> {
  const componentName = new Map<string, string>();
  const analyticComponents = new Map<string, string[]>();
  const strategyAnalytics = new Map<string, string[]>();
  const detects: [string, string][] = [];
  for (const o of objects) {
    const id = o['id'];
    if (typeof id !== 'string' || o['revoked'] === true || o['x_mitre_deprecated'] === true) continue;
    switch (o['type']) {
      case 'x-mitre-data-component':
        if (typeof o['name'] === 'string') componentName.set(id, o['name']);
        break;
      case 'x-mitre-analytic': {
        const refs = Array.isArray(o['x_mitre_log_source_references'])
          ? (o['x_mitre_log_source_references'] as Obj[]).map((r) => r['x_mitre_data_component_ref'])
          : [];
        analyticComponents.set(
          id,
          refs.filter((r): r is string => typeof r === 'string'),
        );
        break;
      }
      case 'x-mitre-detection-strategy':
        strategyAnalytics.set(id, strings(o['x_mitre_analytic_refs']));
        break;
      case 'relationship':
        if (
          o['relationship_type'] === 'detects' &&
          typeof o['source_ref'] === 'string' &&
          typeof o['target_ref'] === 'string'
        )
          detects.push([o['source_ref'], o['target_ref']]);
        break;
      default:
        break;
    }
  }
  const out = new Map<string, Set<string>>();
  for (const [source, target] of detects) {
    const names = out.get(target) ?? new Set<string>();
    // Older bundles: a data component detects the technique directly.
    const direct = componentName.get(source);
    if (direct !== undefined) names.add(direct);
    for (const analytic of strategyAnalytics.get(source) ?? []) {
      for (const component of analyticComponents.get(analytic) ?? []) {
        const name = componentName.get(component);
        if (name !== undefined) names.add(name);
      }
    }
    out.set(target, names);
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}
