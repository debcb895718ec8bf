import type { Clock, IdGenerator } from '@vigil/core';
import type { Alert } from '../alerts/alert.ts';
import type { AlertRepository } from '../alerts/alert.port.ts';
import { describeEntityKey, entityTypeOfKey, type EntityType } from '../alerts/entity.ts';
import { severityRank, type Severity } from '../alerts/severity.ts';
import { killChainIndex } from '../attack/attack-tags.ts';
import { formatDuration, type GroupingProvenance } from './grouping-provenance.ts';
import { addAlertsToIncident, newIncident } from './incident-alerts.ts';
import { defaultSlaPolicy, type SlaPolicy } from './incident-sla.ts';
import type { Incident } from './incident.ts';
import type { IncidentRepository } from './incident.port.ts';

export interface GroupingOptions {
  /** Automatic grouping is on unless turned off. */
  enabled?: boolean;
  /** Alerts sharing an entity at most this far apart (event time) are grouped. Default 2 h. */
  entityWindowMs?: number;
  /** An alert at a later kill-chain tactic on a shared entity at most this long after an earlier one is grouped. Default 24 h. */
  progressionWindowMs?: number;
  /** Entity types that group. Default host, user, ip. */
  entityTypes?: readonly EntityType[];
  /** Entity keys too common to mean anything (`user:nt authority\\system`, loopback…). */
  ignoreEntities?: readonly string[];
  /** An alert that matches nothing opens its own incident at this severity or above; `never` to disable. Default high. */
  openSingleAtSeverity?: Severity | 'never';
}

export const defaultIgnoredEntities: readonly string[] = [
  'user:system',
  'user:nt authority\\system',
  'user:nt authority\\local service',
  'user:nt authority\\network service',
  'user:local service',
  'user:network service',
  'user:-',
  'ip:127.0.0.1',
  'ip:::1',
  'ip:0.0.0.0',
];

export interface IncidentGrouperDeps {
  alerts: AlertRepository;
  incidents: IncidentRepository;
  clock: Clock;
  ids: IdGenerator;
  sla?: SlaPolicy;
  /** SLA policy per workspace (the stored one); takes precedence over `sla`. */
  slaPolicy?: (workspace: string) => SlaPolicy | Promise<SlaPolicy>;
  options?: GroupingOptions;
}

export interface GroupingOutcome {
  alertId: string;
  /** `joined` an open incident, `opened` a new one, was `already_grouped` (e.g. by an earlier alert of the batch), or stayed `ungrouped`. */
  action: 'joined' | 'opened' | 'already_grouped' | 'ungrouped';
  incidentId?: string;
  provenance?: GroupingProvenance;
}

const actor = 'system:grouper';

/** Event-time distance between two alerts' spans (0 when they overlap). */
function gap(a: Alert, b: Alert): number {
  return Math.max(0, a.firstSeenAt - b.lastSeenAt, b.firstSeenAt - a.lastSeenAt);
}

interface Match {
  candidate: Alert;
  provenance: GroupingProvenance;
}

/**
 * Automatic incident grouping (on by default). For each new alert: join or open an incident with an alert
 * that shares a host/user/IP within `entityWindowMs`, or that it follows in ATT&CK kill-chain order on a
 * shared entity within `progressionWindowMs`; otherwise open a single-alert incident when severe enough.
 * Every grouping records its provenance. Example: `await grouper.group(result.created)`.
 */
export class IncidentGrouper {
  readonly #deps: IncidentGrouperDeps;
  readonly #entityWindow: number;
  readonly #progressionWindow: number;
  readonly #types: ReadonlySet<string>;
  readonly #ignored: ReadonlySet<string>;

  constructor(deps: IncidentGrouperDeps) {
    this.#deps = deps;
    const o = deps.options ?? {};
    this.#entityWindow = o.entityWindowMs ?? 2 * 3_600_000;
    this.#progressionWindow = Math.max(o.progressionWindowMs ?? 24 * 3_600_000, this.#entityWindow);
    this.#types = new Set(o.entityTypes ?? ['host', 'user', 'ip']);
    this.#ignored = new Set(o.ignoreEntities ?? defaultIgnoredEntities);
  }

  get enabled(): boolean {
    return this.#deps.options?.enabled ?? true;
  }

  /** The entity keys of an alert that take part in grouping. */
  groupingKeys(alert: Alert): string[] {
    return alert.entityKeys.filter((k) => this.#types.has(entityTypeOfKey(k) ?? '') && !this.#ignored.has(k));
  }

  /** Groups alerts in event-time order; alerts already in an incident are left as they are. */
  async group(alerts: readonly Alert[]): Promise<GroupingOutcome[]> {
    if (!this.enabled) return alerts.map((a) => ({ alertId: a.id, action: 'ungrouped' }));
    const out: GroupingOutcome[] = [];
    const ordered = [...alerts].sort((a, b) => a.firstSeenAt - b.firstSeenAt || (a.id < b.id ? -1 : 1));
    for (const a of ordered) out.push(await this.#groupOne(a));
    return out;
  }

  async #groupOne(input: Alert): Promise<GroupingOutcome> {
    const { alerts, incidents, clock, ids } = this.#deps;
    const ws = input.workspace;
    const alert = (await alerts.get(ws, input.id)) ?? input;
    if (alert.incidentId !== undefined) {
      return { alertId: alert.id, action: 'already_grouped', incidentId: alert.incidentId };
    }
    const policy = (await this.#deps.slaPolicy?.(ws)) ?? this.#deps.sla ?? defaultSlaPolicy;
    const now = clock.now();
    const match = await this.#findMatch(alert, now);

    if (match !== undefined) {
      const { candidate, provenance } = match;
      if (candidate.incidentId !== undefined) {
        const incident = await incidents.get(ws, candidate.incidentId);
        if (incident !== undefined && incident.status !== 'closed') {
          const [stored] = await incidents.updateMany(ws, [
            addAlertsToIncident(incident, [alert], [provenance], actor, now, policy),
          ]);
          await alerts.updateMany(ws, [{ ...alert, incidentId: incident.id, updatedAt: now }]);
          return { alertId: alert.id, action: 'joined', incidentId: stored?.id ?? incident.id, provenance };
        }
      }
      const opener: GroupingProvenance = {
        ...provenance,
        alertId: candidate.id,
        relatedAlertId: alert.id,
        reason: `opened the incident with alert ${alert.id}`,
      };
      delete opener.fromTactic;
      delete opener.toTactic;
      const incident = newIncident({
        id: ids.next(),
        workspace: ws,
        alerts: [candidate, alert].sort((x, y) => x.firstSeenAt - y.firstSeenAt),
        provenance: [opener, provenance],
        actor,
        at: now,
        policy,
      });
      await incidents.insertMany(ws, [incident]);
      await alerts.updateMany(ws, [
        { ...candidate, incidentId: incident.id, updatedAt: now },
        { ...alert, incidentId: incident.id, updatedAt: now },
      ]);
      return { alertId: alert.id, action: 'opened', incidentId: incident.id, provenance };
    }

    const threshold = this.#deps.options?.openSingleAtSeverity ?? 'high';
    if (threshold !== 'never' && severityRank(alert.severity) >= severityRank(threshold)) {
      const provenance: GroupingProvenance = {
        kind: 'severity',
        alertId: alert.id,
        at: now,
        actor,
        reason: `opened because severity ${alert.severity} is at least ${threshold} and no related alert was found`,
      };
      const incident: Incident = newIncident({
        id: ids.next(),
        workspace: ws,
        alerts: [alert],
        provenance: [provenance],
        actor,
        at: now,
        policy,
      });
      await incidents.insertMany(ws, [incident]);
      await alerts.updateMany(ws, [{ ...alert, incidentId: incident.id, updatedAt: now }]);
      return { alertId: alert.id, action: 'opened', incidentId: incident.id, provenance };
    }
    return { alertId: alert.id, action: 'ungrouped' };
  }

  /** The best related alert: same entity within the entity window first, then an ATT&CK progression. */
  async #findMatch(alert: Alert, now: number): Promise<Match | undefined> {
    const keys = this.groupingKeys(alert);
    if (keys.length === 0) return undefined;
    const { alerts, incidents } = this.#deps;
    const found = (
      await alerts.findByEntities(
        alert.workspace,
        keys,
        alert.firstSeenAt - this.#progressionWindow,
        alert.lastSeenAt + this.#entityWindow,
        500,
      )
    ).filter((c) => c.id !== alert.id);
    // Alerts of closed incidents do not pull new alerts in: that case is over.
    const incidentIds = [
      ...new Set(found.flatMap((c) => (c.incidentId === undefined ? [] : [c.incidentId]))),
    ];
    const closed = new Set(
      (await incidents.getMany(alert.workspace, incidentIds))
        .filter((i) => i.status === 'closed')
        .map((i) => i.id),
    );
    const candidates = found
      .filter((c) => c.incidentId === undefined || !closed.has(c.incidentId))
      .map((c) => ({ c, shared: keys.filter((k) => c.entityKeys.includes(k)), gap: gap(alert, c) }))
      .filter((x) => x.shared.length > 0)
      // Nearest in time first; among equals prefer an alert already in an incident (join rather than open).
      .sort(
        (x, y) =>
          x.gap - y.gap || Number(y.c.incidentId !== undefined) - Number(x.c.incidentId !== undefined),
      );

    const near = candidates.find((x) => x.gap <= this.#entityWindow);
    if (near !== undefined) {
      const entity = near.shared[0] ?? '';
      return {
        candidate: near.c,
        provenance: {
          kind: 'entity',
          alertId: alert.id,
          relatedAlertId: near.c.id,
          entity,
          windowMs: this.#entityWindow,
          at: now,
          actor,
          reason: `grouped because ${describeEntityKey(entity)} shared with alert ${near.c.id} within ${formatDuration(this.#entityWindow)}`,
        },
      };
    }
    const latest = Math.max(-1, ...alert.tactics.map(killChainIndex));
    for (const x of candidates) {
      if (x.gap > this.#progressionWindow || x.c.firstSeenAt > alert.firstSeenAt) continue;
      const earlier = x.c.tactics.filter((t) => killChainIndex(t) >= 0 && killChainIndex(t) < latest);
      const from = earlier[0];
      const to = alert.tactics.find((t) => killChainIndex(t) === latest);
      if (from === undefined || to === undefined) continue;
      const entity = x.shared[0] ?? '';
      return {
        candidate: x.c,
        provenance: {
          kind: 'progression',
          alertId: alert.id,
          relatedAlertId: x.c.id,
          entity,
          windowMs: this.#progressionWindow,
          fromTactic: from,
          toTactic: to,
          at: now,
          actor,
          reason: `grouped because ${to} follows ${from} (alert ${x.c.id}) on ${describeEntityKey(entity)} within ${formatDuration(this.#progressionWindow)}`,
        },
      };
    }
    return undefined;
  }
}
