import { detectionEventIds, detectionSpan } from '../alerts/alert-from-detection.ts';
import { maxEventIdsPerAlert, type Alert } from '../alerts/alert.ts';
import type { Detection } from '../alerts/detection.ts';
import { extractEntities, mergeEntities } from '../alerts/extract-entities.ts';

/**
 * Folds a repeat of an alert's detection into it: `count` + 1, first/last seen widened, event ids and
 * entities merged (both bounded). No activity entry: a noisy rule must not grow the alert's history.
 */
export function foldRepeat(alert: Alert, detection: Detection, at: number): Alert {
  const span = detectionSpan(detection);
  const eventIds = [...new Set([...alert.eventIds, ...detectionEventIds(detection)])].slice(
    0,
    maxEventIdsPerAlert,
  );
  const entities = mergeEntities(alert.entities, extractEntities(detection.events));
  return {
    ...alert,
    count: alert.count + 1,
    firstSeenAt: Math.min(alert.firstSeenAt, span.first),
    lastSeenAt: Math.max(alert.lastSeenAt, span.last),
    eventIds,
    entities,
    entityKeys: entities.map((e) => e.key),
    updatedAt: at,
  };
}
