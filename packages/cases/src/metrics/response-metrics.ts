import { severities, type Severity } from '../alerts/severity.ts';

/** What MTTA/MTTR need of an alert or incident. */
export interface ResponseItem {
  workspace: string;
  severity: Severity;
  createdAt: number;
  acknowledgedAt?: number;
  closedAt?: number;
}

export interface ResponseFigures {
  /** Items created in the period. */
  count: number;
  acknowledged: number;
  closed: number;
  /** Mean time to acknowledge (first in_progress), ms; undefined when none was acknowledged. */
  mttaMs?: number;
  /** Median time to acknowledge, ms. */
  mttaMedianMs?: number;
  /** Mean time to resolve (close), ms. */
  mttrMs?: number;
  mttrMedianMs?: number;
}

export interface ResponseMetrics {
  workspace: string;
  from: number;
  to: number;
  overall: ResponseFigures;
  bySeverity: Record<Severity, ResponseFigures>;
}

function median(sorted: readonly number[]): number | undefined {
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function figures(items: readonly ResponseItem[], to: number): ResponseFigures {
  // Only acknowledgements/closes that happened by the end of the period count.
  const tta = items.flatMap((i) =>
    i.acknowledgedAt !== undefined && i.acknowledgedAt <= to ? [i.acknowledgedAt - i.createdAt] : [],
  );
  const ttr = items.flatMap((i) =>
    i.closedAt !== undefined && i.closedAt <= to ? [i.closedAt - i.createdAt] : [],
  );
  tta.sort((a, b) => a - b);
  ttr.sort((a, b) => a - b);
  const out: ResponseFigures = { count: items.length, acknowledged: tta.length, closed: ttr.length };
  const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
  if (tta.length > 0) {
    out.mttaMs = mean(tta);
    out.mttaMedianMs = median(tta) ?? 0;
  }
  if (ttr.length > 0) {
    out.mttrMs = mean(ttr);
    out.mttrMedianMs = median(ttr) ?? 0;
  }
  return out;
}

/**
 * MTTA and MTTR per workspace and severity for items created in [from, to). Acknowledgement and close
 * times after `to` are treated as not yet happened, so a report for a past period does not change.
 * Example: `responseMetrics(incidents, Date.UTC(2026,0,1), Date.UTC(2026,1,1))[0].bySeverity.high.mttaMs`.
 */
export function responseMetrics(items: readonly ResponseItem[], from: number, to: number): ResponseMetrics[] {
  const byWorkspace = new Map<string, ResponseItem[]>();
  for (const i of items) {
    if (i.createdAt < from || i.createdAt >= to) continue;
    const list = byWorkspace.get(i.workspace) ?? [];
    list.push(i);
    byWorkspace.set(i.workspace, list);
  }
  return [...byWorkspace.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([workspace, list]) => ({
      workspace,
      from,
      to,
      overall: figures(list, to),
      bySeverity: Object.fromEntries(
        severities.map((s) => [
          s,
          figures(
            list.filter((i) => i.severity === s),
            to,
          ),
        ]),
      ) as Record<Severity, ResponseFigures>,
    }));
}
