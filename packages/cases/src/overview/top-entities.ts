import type { Alert } from '../alerts/alert.ts';
import type { EntityType } from '../alerts/entity.ts';
import { maxSeverity, type Severity } from '../alerts/severity.ts';
import { byAlertsThenHits, topLimit } from './top-rules.ts';

/** One entity among those in the most alerts. */
export interface TopEntity {
  key: string;
  type: EntityType;
  value: string;
  alerts: number;
  /** Detections folded into those alerts (sum of `count`). */
  hits: number;
  severity: Severity;
}

/**
 * The entities (hosts, users, IPs…) found in the most of these alerts, at most `limit` (≤ 50).
 * Example: `topEntities(alerts, 5)[0].key` → `'host:ws01'`.
 */
export function topEntities(
  alerts: readonly Pick<Alert, 'entities' | 'severity' | 'count'>[],
  limit = 10,
): TopEntity[] {
  const rows = new Map<string, TopEntity>();
  for (const a of alerts) {
    // An alert names an entity once however many roles it played.
    const seen = new Set<string>();
    for (const e of a.entities) {
      if (seen.has(e.key)) continue;
      seen.add(e.key);
      const row = rows.get(e.key);
      if (row === undefined) {
        rows.set(e.key, {
          key: e.key,
          type: e.type,
          value: e.value,
          alerts: 1,
          hits: a.count,
          severity: a.severity,
        });
      } else {
        row.alerts += 1;
        row.hits += a.count;
        row.severity = maxSeverity(row.severity, a.severity);
      }
    }
  }
  return [...rows.values()].sort(byAlertsThenHits((r) => r.key)).slice(0, topLimit(limit));
}
