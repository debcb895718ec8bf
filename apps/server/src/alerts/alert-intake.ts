import type { Alert, Detection, GroupingOutcome } from '@vigil/cases';
import type { CasesRuntime } from './cases-runtime.ts';

export interface IntakeResult {
  created: Alert[];
  updated: string[];
  suppressed: number;
  excepted: number;
  incidents: GroupingOutcome[];
}

/**
 * Detections from the API or an import take the same path as the pipeline's: exceptions, suppression,
 * dedup, then automatic grouping; live listeners hear of the stored alerts.
 */
export async function ingestDetections(
  cases: CasesRuntime,
  detections: readonly Detection[],
): Promise<IntakeResult> {
  const result = await cases.aggregator.ingest(detections);
  const incidents = await cases.grouper.group(result.created);
  const created: Alert[] = [];
  for (const a of result.created) created.push((await cases.alerts.get(a.workspace, a.id)) ?? a);
  cases.notifier.publish(created);
  return {
    created,
    updated: result.updated.map((a) => a.id),
    suppressed: result.suppressed,
    excepted: result.excepted,
    incidents,
  };
}
