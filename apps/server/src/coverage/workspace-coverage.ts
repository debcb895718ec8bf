import { userError, type Clock, type MetadataStore } from '@vigil/core';
import { computeCoverage, type CoverageReport } from '@vigil/cases';
import type { DetectionService } from '../detection/detection-service.ts';
import type { RuleStore } from '../rules/rule-store.ts';
import type { AttackMatrixStore, StoredAttackMatrix } from './attack-matrix-store.ts';
import type { DataSeenTracker } from './data-seen-tracker.ts';
import { ruleCoverageInputs } from './rule-coverage-inputs.ts';
import { ruleHealth } from './rule-health.ts';

export interface CoverageDeps {
  matrices: AttackMatrixStore;
  rules: RuleStore;
  metadata: MetadataStore;
  dataSeen: DataSeenTracker;
  /** The running detection stage: compile rejections of the rules as they run now. */
  detection?: DetectionService;
  clock: Clock;
}

export const ATTACK_IMPORT_HINT =
  'import the ATT&CK Enterprise bundle first: `vigil attack import enterprise-attack.json.gz` on the server, ' +
  'or POST the file to /api/v1/attack/bundle (permission system.settings), or upload it on the console coverage page';

export function attackMatrixMissing() {
  return userError(
    'ATTACK_MATRIX_NOT_IMPORTED',
    `No ATT&CK matrix has been imported: ${ATTACK_IMPORT_HINT}`,
    {
      status: 409,
      details: { import: ['vigil attack import FILE', 'POST /api/v1/attack/bundle'] },
    },
  );
}

/** The imported matrix, or ATTACK_MATRIX_NOT_IMPORTED (409) saying how to import it. */
export async function requireMatrix(matrices: AttackMatrixStore): Promise<StoredAttackMatrix> {
  const stored = await matrices.get();
  if (!stored) throw attackMatrixMissing();
  return stored;
}

/** Coverage of the workspace's rules over the imported matrix, data seen within `days`. */
export async function workspaceCoverage(
  deps: CoverageDeps,
  workspace: string,
  days: number,
): Promise<{ stored: StoredAttackMatrix; report: CoverageReport }> {
  const stored = await requireMatrix(deps.matrices);
  const [rules, seen, health] = await Promise.all([
    deps.rules.all(workspace),
    deps.dataSeen.lastSeen(workspace),
    ruleHealth(deps.metadata, workspace),
  ]);
  const rejected = deps.detection?.workspaceStats(workspace)?.rejectedOnCompile ?? [];
  const inputs = ruleCoverageInputs(
    rules.map((r) => r.data),
    seen,
    health,
    rejected,
  );
  const report = computeCoverage(stored.matrix, inputs, {
    now: deps.clock.now(),
    windowMs: days * 86_400_000,
  });
  return { stored, report };
}
