import type { Alert } from '../alerts/alert.ts';
import type { Severity } from '../alerts/severity.ts';
import { attackTactics } from '../attack/attack-tactics.ts';
import { killChainIndex } from '../attack/attack-tags.ts';

export interface KillChainAlert {
  alertId: string;
  title: string;
  severity: Severity;
  firstSeenAt: number;
  lastSeenAt: number;
  techniques: string[];
}

export interface KillChainColumn {
  /** Tactic shortname, id (TA0002) and name. */
  tactic: string;
  id: string;
  name: string;
  /** Alerts on this tactic, by first seen. */
  alerts: KillChainAlert[];
  /** Earliest first-seen of its alerts. */
  firstSeenAt?: number;
}

export interface KillChainView {
  /** All 14 tactics in kill-chain order (empty columns included, so the view has a fixed shape). */
  columns: KillChainColumn[];
  /** Alert × tactic placements ordered by time: the path the attack took. */
  steps: { at: number; tactic: string; alertId: string }[];
  /** Alerts with no ATT&CK tactic. */
  unmapped: string[];
  /** The latest kill-chain tactic reached. */
  furthestTactic?: string;
  /** True when, over time, the attack never went back to an earlier tactic. */
  monotonic: boolean;
}

/**
 * Orders an incident's alerts on the ATT&CK tactics over time, for the kill-chain view.
 * Example: `killChain(alerts).columns.find((c) => c.tactic === 'execution')?.alerts`.
 */
export function killChain(alerts: readonly Alert[]): KillChainView {
  const ordered = [...alerts].sort((a, b) => a.firstSeenAt - b.firstSeenAt || (a.id < b.id ? -1 : 1));
  const columns: KillChainColumn[] = attackTactics.map((t) => ({
    tactic: t.shortname,
    id: t.id,
    name: t.name,
    alerts: [],
  }));
  const steps: KillChainView['steps'] = [];
  const unmapped: string[] = [];
  for (const a of ordered) {
    const known = a.tactics.filter((t) => killChainIndex(t) >= 0);
    if (known.length === 0) unmapped.push(a.id);
    for (const t of known) {
      const column = columns[killChainIndex(t)];
      if (column === undefined) continue;
      column.alerts.push({
        alertId: a.id,
        title: a.title,
        severity: a.severity,
        firstSeenAt: a.firstSeenAt,
        lastSeenAt: a.lastSeenAt,
        techniques: a.techniques,
      });
      column.firstSeenAt = Math.min(column.firstSeenAt ?? a.firstSeenAt, a.firstSeenAt);
      steps.push({ at: a.firstSeenAt, tactic: t, alertId: a.id });
    }
  }
  steps.sort((x, y) => x.at - y.at || killChainIndex(x.tactic) - killChainIndex(y.tactic));
  let monotonic = true;
  for (let i = 1; i < steps.length; i++) {
    const prev = steps[i - 1];
    const cur = steps[i];
    if (prev !== undefined && cur !== undefined && killChainIndex(cur.tactic) < killChainIndex(prev.tactic))
      monotonic = false;
  }
  const view: KillChainView = { columns, steps, unmapped, monotonic };
  const furthest = columns.findLast((c) => c.alerts.length > 0);
  if (furthest !== undefined) view.furthestTactic = furthest.tactic;
  return view;
}
