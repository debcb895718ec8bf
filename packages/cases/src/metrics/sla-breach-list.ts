import type { Severity } from '../alerts/severity.ts';
import { slaState } from '../incidents/incident-sla.ts';
import type { Incident, SlaKind } from '../incidents/incident.ts';

export interface SlaBreachRow {
  workspace: string;
  incidentId: string;
  title: string;
  severity: Severity;
  owner?: string;
  kind: SlaKind;
  dueAt: number;
  /** When it was met late, or undefined while still outstanding. */
  doneAt?: number;
  /** How late: (doneAt ?? now) − dueAt, ms. */
  overdueMs: number;
  /** True when the incident is still not acknowledged/closed. */
  outstanding: boolean;
}

/**
 * Every SLA breach of these incidents at `now` — recorded or not yet swept — most overdue first.
 * Example: `slaBreachList(await incidents.list(ws), clock.now())`.
 */
export function slaBreachList(incidents: readonly Incident[], now: number): SlaBreachRow[] {
  const rows: SlaBreachRow[] = [];
  for (const i of incidents) {
    for (const kind of ['acknowledge', 'resolve'] as const) {
      if (slaState(i, kind, now) !== 'breached') continue;
      const dueAt = (kind === 'acknowledge' ? i.sla.acknowledgeDueAt : i.sla.resolveDueAt) ?? now;
      const doneAt = kind === 'acknowledge' ? (i.acknowledgedAt ?? i.closedAt) : i.closedAt;
      const row: SlaBreachRow = {
        workspace: i.workspace,
        incidentId: i.id,
        title: i.title,
        severity: i.severity,
        kind,
        dueAt,
        overdueMs: (doneAt ?? now) - dueAt,
        outstanding: doneAt === undefined,
      };
      if (doneAt !== undefined) row.doneAt = doneAt;
      if (i.owner !== undefined) row.owner = i.owner;
      rows.push(row);
    }
  }
  return rows.sort((a, b) => b.overdueMs - a.overdueMs || (a.incidentId < b.incidentId ? -1 : 1));
}
