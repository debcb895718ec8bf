import type { AttackMatrix } from './attack-matrix.ts';
import type { CoverageReport } from './compute-coverage.ts';
import type { CoverageState, TechniqueCoverage } from './technique-coverage.ts';

/** Colours and scores of the states, shared by the layer legend and the console. */
export const coverageStyle: Readonly<Record<CoverageState, { color: string; score: number; label: string }>> =
  {
    covered: { color: '#31a354', score: 3, label: 'Covered: enabled rules, data seen' },
    'covered-but-no-data': { color: '#fdae6b', score: 2, label: 'Enabled rules, no data in the window' },
    'rules-disabled': { color: '#bdbdbd', score: 1, label: 'Rules present but disabled' },
    none: { color: '#ffffff', score: 0, label: 'No rule' },
  };

export interface NavigatorLayerOptions {
  name: string;
  description?: string;
  /** Metadata rows listed per technique at most (rule titles). */
  maxRulesPerTechnique?: number;
}

export interface NavigatorTechnique {
  techniqueID: string;
  score: number;
  color: string;
  comment: string;
  enabled: boolean;
  metadata: { name: string; value: string }[];
  showSubtechniques: boolean;
}

/** ATT&CK Navigator layer, format 4.5 (mitre-attack/attack-navigator layers/LAYERFORMATv4_5.md). */
export interface NavigatorLayer {
  name: string;
  versions: { layer: '4.5'; navigator: string; attack?: string };
  domain: 'enterprise-attack';
  description: string;
  sorting: number;
  hideDisabled: boolean;
  techniques: NavigatorTechnique[];
  gradient: { colors: string[]; minValue: number; maxValue: number };
  legendItems: { label: string; color: string }[];
  metadata: { name: string; value: string }[];
  showTacticRowBackground: boolean;
  selectSubtechniquesWithParent: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();

function comment(t: TechniqueCoverage, windowDays: number): string {
  if (t.state === 'none') return 'No rule';
  const parts = [
    `${t.enabledRules} enabled rule(s)`,
    ...(t.disabledRules > 0 ? [`${t.disabledRules} disabled`] : []),
    `${t.rulesWithData} with data seen in the last ${windowDays} days`,
    `${t.hits} hit(s)`,
    ...(t.errors > 0 ? [`${t.errors} rule error(s)`] : []),
  ];
  return parts.join('; ');
}

/**
 * The coverage as an ATT&CK Navigator layer: one entry per technique that has rules (score and
 * colour by state, rule titles and health in metadata), a legend of the states, and a gradient over
 * the scores so Navigator's own colouring agrees. Techniques without rules are left out (blank).
 */
export function navigatorLayer(
  matrix: AttackMatrix,
  report: CoverageReport,
  options: NavigatorLayerOptions,
): NavigatorLayer {
  const maxRules = options.maxRulesPerTechnique ?? 25;
  const windowDays = Math.round(report.windowMs / 86_400_000);
  const parentsWithCoveredSubs = new Set(
    report.techniques.filter((t) => t.parent !== undefined && t.state !== 'none').map((t) => t.parent),
  );
  const techniques = report.techniques
    .filter((t) => t.state !== 'none')
    .map((t): NavigatorTechnique => {
      const style = coverageStyle[t.state];
      const metadata = [
        { name: 'state', value: t.state },
        ...(t.lastHit === undefined ? [] : [{ name: 'last hit', value: iso(t.lastHit) }]),
        ...t.rules.slice(0, maxRules).map((r) => ({
          name: r.enabled ? 'rule' : 'rule (disabled)',
          value: `${r.title} [${r.level}]${r.dataSeen ? '' : ' (no data)'}`,
        })),
        ...(t.rules.length > maxRules
          ? [{ name: 'rules', value: `+${t.rules.length - maxRules} more` }]
          : []),
      ];
      return {
        techniqueID: t.id,
        score: style.score,
        color: style.color,
        comment: comment(t, windowDays),
        enabled: true,
        metadata,
        showSubtechniques: parentsWithCoveredSubs.has(t.id),
      };
    });
  return {
    name: options.name,
    versions: {
      layer: '4.5',
      navigator: '5.1.0',
      ...(matrix.attackVersion === undefined ? {} : { attack: matrix.attackVersion }),
    },
    domain: 'enterprise-attack',
    description:
      options.description ??
      `Vigil detection coverage, generated ${iso(report.generatedAt)}; data seen = an event in the last ${windowDays} days`,
    sorting: 3,
    hideDisabled: false,
    techniques,
    gradient: {
      colors: [
        coverageStyle.none.color,
        coverageStyle['covered-but-no-data'].color,
        coverageStyle.covered.color,
      ],
      minValue: 0,
      maxValue: 3,
    },
    legendItems: (['covered', 'covered-but-no-data', 'rules-disabled', 'none'] as const).map((s) => ({
      label: coverageStyle[s].label,
      color: coverageStyle[s].color,
    })),
    metadata: [
      { name: 'generated', value: iso(report.generatedAt) },
      { name: 'ATT&CK bundle modified', value: matrix.modified },
      ...(['covered', 'covered-but-no-data', 'rules-disabled', 'none'] as const).map((s) => ({
        name: s,
        value: String(report.counts[s]),
      })),
    ],
    showTacticRowBackground: false,
    selectSubtechniquesWithParent: false,
  };
}
