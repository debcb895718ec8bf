import type { CoverageReport, TechniqueCoverage } from '@vigil/cases';
import type { StoredAttackMatrix } from './attack-matrix-store.ts';
import { summarise } from './import-attack-bundle.ts';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function techniqueView(t: TechniqueCoverage) {
  const { lastHit, rules, ...rest } = t;
  return {
    ...rest,
    ...(lastHit === undefined ? {} : { lastHit: iso(lastHit) }),
    rules: rules.map(({ lastHit: hit, data, ...r }) => ({
      ...r,
      ...(hit === undefined ? {} : { lastHit: iso(hit) }),
      data: data.map(({ lastSeen, ...d }) => ({
        ...d,
        ...(lastSeen === undefined ? {} : { lastSeen: iso(lastSeen) }),
      })),
    })),
  };
}

/** What the imported matrix is, without its techniques. */
export function matrixInfoView(stored: StoredAttackMatrix) {
  return {
    ...summarise(stored.matrix),
    sha256: stored.sha256,
    importedAt: iso(stored.importedAt),
    ...(stored.importedBy === undefined ? {} : { importedBy: stored.importedBy }),
  };
}

/** The coverage API answer: times as ISO-8601, the matrix's tactics for the columns. */
export function coverageView(stored: StoredAttackMatrix, report: CoverageReport) {
  return {
    matrix: { ...matrixInfoView(stored), tactics: stored.matrix.tactics },
    generatedAt: iso(report.generatedAt),
    windowDays: Math.round(report.windowMs / 86_400_000),
    counts: report.counts,
    untaggedRules: report.untaggedRules,
    unknownTechniques: report.unknownTechniques,
    techniques: report.techniques.map(techniqueView),
  };
}
