import type { Clock, IdGenerator } from '@vigil/core';
import { activity } from '../activity/activity-entry.ts';
import { alertNotFound } from '../alerts/alert.error.ts';
import type { Alert } from '../alerts/alert.ts';
import type { AlertRepository } from '../alerts/alert.port.ts';
import type { Severity } from '../alerts/severity.ts';
import type { GroupingProvenance } from './grouping-provenance.ts';
import { addAlertsToIncident, newIncident, removeAlertsFromIncident } from './incident-alerts.ts';
import { checkSlaBreaches, defaultSlaPolicy, type SlaPolicy } from './incident-sla.ts';
import { changeIncidentStatus, type IncidentStatusChange } from './incident-status.ts';
import { updateIncident, type IncidentPatch } from './incident-update.ts';
import { incidentNotFound, invalidIncidentRequest } from './incident.error.ts';
import type { Incident } from './incident.ts';
import type { IncidentRepository } from './incident.port.ts';

export interface IncidentServiceDeps {
  alerts: AlertRepository;
  incidents: IncidentRepository;
  clock: Clock;
  ids: IdGenerator;
  /** SLA policy of a workspace (stored per workspace by the server); default defaultSlaPolicy. */
  slaPolicy?: (workspace: string) => SlaPolicy | Promise<SlaPolicy>;
}

/**
 * Analyst operations on incidents (what the HTTP routes call): create by hand or from alerts, edit,
 * change status, add alerts, merge, split, SLA sweep. Keeps alerts' `incidentId` in step.
 */
export class IncidentService {
  readonly #d: IncidentServiceDeps;

  constructor(deps: IncidentServiceDeps) {
    this.#d = deps;
  }

  async #policy(workspace: string): Promise<SlaPolicy> {
    return (await this.#d.slaPolicy?.(workspace)) ?? defaultSlaPolicy;
  }

  async #incident(workspace: string, id: string): Promise<Incident> {
    const incident = await this.#d.incidents.get(workspace, id);
    if (incident === undefined) throw incidentNotFound(workspace, id);
    return incident;
  }

  async #alerts(workspace: string, ids: readonly string[]): Promise<Alert[]> {
    const found = await this.#d.alerts.getMany(workspace, ids);
    const missing = ids.find((id) => !found.some((a) => a.id === id));
    if (missing !== undefined) throw alertNotFound(workspace, missing);
    return found;
  }

  #manual(alerts: readonly Alert[], actor: string, at: number): GroupingProvenance[] {
    return alerts.map((a) => ({ kind: 'manual', alertId: a.id, at, actor, reason: `added by ${actor}` }));
  }

  /** Creates an incident by hand, from zero or more alerts (which must not be in an open incident). */
  async create(
    workspace: string,
    actor: string,
    input: {
      title?: string;
      description?: string;
      severity?: Severity;
      alertIds?: readonly string[];
      owner?: string;
    },
  ): Promise<Incident> {
    const now = this.#d.clock.now();
    const alerts = await this.#alerts(workspace, input.alertIds ?? []);
    await this.#detachable(workspace, alerts);
    const incident = newIncident({
      id: this.#d.ids.next(),
      workspace,
      alerts,
      provenance: this.#manual(alerts, actor, now),
      actor,
      at: now,
      policy: await this.#policy(workspace),
      ...(input.title === undefined ? {} : { title: input.title }),
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(input.severity === undefined ? {} : { severity: input.severity }),
      ...(input.owner === undefined ? {} : { owner: input.owner }),
    });
    await this.#d.incidents.insertMany(workspace, [incident]);
    await this.#relink(workspace, alerts, incident.id, now);
    return incident;
  }

  /** Adds alerts by hand; an alert in another open incident must be moved by merge or split instead. */
  async addAlerts(
    workspace: string,
    id: string,
    alertIds: readonly string[],
    actor: string,
  ): Promise<Incident> {
    const now = this.#d.clock.now();
    const incident = await this.#incident(workspace, id);
    const alerts = (await this.#alerts(workspace, alertIds)).filter((a) => a.incidentId !== id);
    await this.#detachable(workspace, alerts);
    const next = addAlertsToIncident(
      incident,
      alerts,
      this.#manual(alerts, actor, now),
      actor,
      now,
      await this.#policy(workspace),
    );
    const [stored] = await this.#d.incidents.updateMany(workspace, [next]);
    await this.#relink(workspace, alerts, id, now);
    return stored ?? next;
  }

  async changeStatus(
    workspace: string,
    id: string,
    change: IncidentStatusChange,
    actor: string,
  ): Promise<Incident> {
    const incident = await this.#incident(workspace, id);
    const now = this.#d.clock.now();
    const next = checkSlaBreaches(changeIncidentStatus(incident, change, actor, now), now);
    const [stored] = await this.#d.incidents.updateMany(workspace, [next]);
    return stored ?? next;
  }

  async update(workspace: string, id: string, patch: IncidentPatch, actor: string): Promise<Incident> {
    const incident = await this.#incident(workspace, id);
    const next = updateIncident(incident, patch, actor, this.#d.clock.now(), await this.#policy(workspace));
    if (next === incident || next.timeline.length === incident.timeline.length) return incident;
    const [stored] = await this.#d.incidents.updateMany(workspace, [next]);
    return stored ?? next;
  }

  /**
   * Merges `sourceIds` into `targetId`: the target takes their alerts (provenance `merge`), the sources
   * are closed as duplicates with `mergedInto`; every alert is relinked. One timeline entry on each side.
   */
  async merge(
    workspace: string,
    targetId: string,
    sourceIds: readonly string[],
    actor: string,
  ): Promise<Incident> {
    const now = this.#d.clock.now();
    const unique = [...new Set(sourceIds)].filter((s) => s !== targetId);
    if (unique.length === 0)
      throw invalidIncidentRequest('sourceIds', 'name at least one other incident to merge');
    let target = await this.#incident(workspace, targetId);
    if (target.status === 'closed')
      throw invalidIncidentRequest('targetId', 'reopen the incident before merging into it');
    const sources = await Promise.all(unique.map((id) => this.#incident(workspace, id)));
    const closedSource = sources.find((s) => s.status === 'closed');
    if (closedSource !== undefined) {
      throw invalidIncidentRequest('sourceIds', `incident ${closedSource.id} is closed; reopen it first`);
    }
    const moved: Alert[] = [];
    const closedSources: Incident[] = [];
    for (const source of sources) {
      const alerts = await this.#d.alerts.getMany(workspace, source.alertIds);
      const provenance: GroupingProvenance[] = alerts.map((a) => ({
        kind: 'merge',
        alertId: a.id,
        fromIncidentId: source.id,
        at: now,
        actor,
        reason: `merged from incident ${source.id} by ${actor}`,
      }));
      target = addAlertsToIncident(target, alerts, provenance, actor, now, await this.#policy(workspace));
      target.timeline.push(
        activity(now, actor, 'merged', { field: 'mergedFrom', after: source.id, note: source.title }),
      );
      moved.push(...alerts);
      const emptied = removeAlertsFromIncident(
        source,
        source.alertIds,
        [],
        actor,
        now,
        `merged into incident ${target.id}`,
      );
      const closed = changeIncidentStatus(
        emptied,
        { to: 'closed', closeReason: 'duplicate', comment: `merged into ${target.id}` },
        actor,
        now,
      );
      closedSources.push({
        ...closed,
        mergedInto: target.id,
        timeline: [
          ...closed.timeline,
          activity(now, actor, 'merged', { field: 'mergedInto', after: target.id }),
        ],
      });
    }
    const [stored] = await this.#d.incidents.updateMany(workspace, [target, ...closedSources]);
    await this.#relink(workspace, moved, target.id, now);
    return stored ?? target;
  }

  /**
   * Splits `alertIds` off into a new incident (provenance `split`, `splitFrom`), keeping status open,
   * the original's owner and stage; derived fields of both are recomputed. Returns [original, new].
   */
  async split(
    workspace: string,
    id: string,
    alertIds: readonly string[],
    actor: string,
  ): Promise<[Incident, Incident]> {
    const now = this.#d.clock.now();
    const original = await this.#incident(workspace, id);
    const moveIds = [...new Set(alertIds)];
    const foreign = moveIds.find((a) => !original.alertIds.includes(a));
    if (moveIds.length === 0 || foreign !== undefined) {
      throw invalidIncidentRequest(
        'alertIds',
        foreign === undefined ? 'name the alerts to split off' : `alert ${foreign} is not in this incident`,
      );
    }
    if (moveIds.length === original.alertIds.length) {
      throw invalidIncidentRequest('alertIds', 'leave at least one alert in the original incident');
    }
    const all = await this.#d.alerts.getMany(workspace, original.alertIds);
    const moving = all.filter((a) => moveIds.includes(a.id));
    const staying = all.filter((a) => !moveIds.includes(a.id));
    const newId = this.#d.ids.next();
    const provenance: GroupingProvenance[] = moving.map((a) => ({
      kind: 'split',
      alertId: a.id,
      fromIncidentId: original.id,
      at: now,
      actor,
      reason: `split from incident ${original.id} by ${actor}`,
    }));
    const created = newIncident({
      id: newId,
      workspace,
      alerts: moving,
      provenance,
      actor,
      at: now,
      policy: await this.#policy(workspace),
      ...(original.owner === undefined ? {} : { owner: original.owner }),
    });
    created.splitFrom = original.id;
    created.stage = original.stage;
    created.timeline.push(activity(now, actor, 'split', { field: 'splitFrom', after: original.id }));
    const rest = removeAlertsFromIncident(
      original,
      moveIds,
      staying,
      actor,
      now,
      `split into incident ${newId}`,
    );
    rest.timeline.push(
      activity(now, actor, 'split', { field: 'splitInto', after: newId, note: moveIds.join(', ') }),
    );
    await this.#d.incidents.insertMany(workspace, [created]);
    const [stored] = await this.#d.incidents.updateMany(workspace, [rest]);
    await this.#relink(workspace, moving, newId, now);
    return [stored ?? rest, created];
  }

  /** Records SLA breaches of the workspace's open incidents (run on a schedule); returns the incidents that changed. */
  async checkSla(workspace: string): Promise<Incident[]> {
    const now = this.#d.clock.now();
    const changed: Incident[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await this.#d.incidents.list(workspace, {
        status: ['open', 'in_progress'],
        limit: 1000,
        ...(after === undefined ? {} : { after }),
      });
      for (const i of page) {
        const next = checkSlaBreaches(i, now);
        if (next !== i) changed.push(next);
      }
      if (page.length < 1000) break;
      after = page.at(-1)?.id;
    }
    return changed.length === 0 ? [] : this.#d.incidents.updateMany(workspace, changed);
  }

  async #detachable(workspace: string, alerts: readonly Alert[]): Promise<void> {
    const linked = [...new Set(alerts.flatMap((a) => (a.incidentId === undefined ? [] : [a.incidentId])))];
    const open = (await this.#d.incidents.getMany(workspace, linked)).find((i) => i.status !== 'closed');
    if (open !== undefined) {
      throw invalidIncidentRequest(
        'alertIds',
        `an alert already belongs to open incident ${open.id}; merge or split instead`,
      );
    }
  }

  async #relink(workspace: string, alerts: readonly Alert[], incidentId: string, at: number): Promise<void> {
    if (alerts.length === 0) return;
    const fresh = await this.#d.alerts.getMany(
      workspace,
      alerts.map((a) => a.id),
    );
    await this.#d.alerts.updateMany(
      workspace,
      fresh.map((a) => ({ ...a, incidentId, updatedAt: at })),
    );
  }
}
