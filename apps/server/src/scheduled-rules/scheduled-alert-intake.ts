import { AlertAggregator, type Alert, type Detection } from '@vigil/cases';
import type { CasesRuntime } from '../alerts/cases-runtime.ts';

/**
 * The alert intake of scheduled rules: the same path as API and pipeline detections (exceptions,
 * suppression rules, dedup, incident grouping, live stream), except that the dedup key is the rule plus
 * its group values (none for per-run alerts) instead of host + user, so per-group alerts stay one per
 * group. The aggregator is stateless over the shared stores, so a second instance is safe.
 * Resolves with the ids of the alerts created or folded into.
 */
export function scheduledAlertIntake(
  cases: CasesRuntime,
): (detections: readonly Detection[]) => Promise<string[]> {
  return async (detections) => {
    const groupFields = new Map(detections.map((d) => [d.rule.id, Object.keys(d.group ?? {})]));
    const aggregator = new AlertAggregator({
      alerts: cases.alerts,
      suppressions: cases.suppressions,
      ledger: cases.ledger,
      clock: cases.clock,
      ids: cases.ids,
      dedupPolicy: (ruleId) => ({ groupFields: groupFields.get(ruleId) ?? [] }),
    });
    const result = await aggregator.ingest(detections);
    await cases.grouper.group(result.created);
    const stored: Alert[] = [];
    for (const a of result.created) stored.push((await cases.alerts.get(a.workspace, a.id)) ?? a);
    if (stored.length > 0) cases.notifier.publish(stored);
    return [...stored.map((a) => a.id), ...result.updated.map((a) => a.id)];
  };
}
