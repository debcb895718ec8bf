import type { Clock } from '@vigil/core';
import { alertNotFound } from './alert.error.ts';
import { changeAlertStatus, type AlertStatusChange } from './alert-status.ts';
import { updateAlert, type AlertPatch } from './alert-update.ts';
import type { Alert } from './alert.ts';
import type { AlertRepository } from './alert.port.ts';

/** Analyst operations on alerts (what the HTTP routes call): status changes and edits, one or many at once. */
export class AlertService {
  readonly #alerts: AlertRepository;
  readonly #clock: Clock;

  constructor(deps: { alerts: AlertRepository; clock: Clock }) {
    this.#alerts = deps.alerts;
    this.#clock = deps.clock;
  }

  async #load(workspace: string, ids: readonly string[]): Promise<Alert[]> {
    const unique = [...new Set(ids)];
    const found = await this.#alerts.getMany(workspace, unique);
    const missing = unique.find((id) => !found.some((a) => a.id === id));
    if (missing !== undefined) throw alertNotFound(workspace, missing);
    return found;
  }

  /** Changes the status of one or more alerts all-or-nothing (bulk close from the queue). */
  async changeStatus(
    workspace: string,
    ids: readonly string[],
    change: AlertStatusChange,
    actor: string,
  ): Promise<Alert[]> {
    const now = this.#clock.now();
    const alerts = await this.#load(workspace, ids);
    return this.#alerts.updateMany(
      workspace,
      alerts.map((a) => changeAlertStatus(a, change, actor, now)),
    );
  }

  /** Edits one or more alerts all-or-nothing; alerts the patch does not change are not rewritten. */
  async update(
    workspace: string,
    ids: readonly string[],
    patch: AlertPatch,
    actor: string,
  ): Promise<Alert[]> {
    const now = this.#clock.now();
    const alerts = await this.#load(workspace, ids);
    const next = alerts.map((a) => updateAlert(a, patch, actor, now));
    const changed = next.filter((a, i) => a.activity.length !== alerts[i]?.activity.length);
    const stored = changed.length === 0 ? [] : await this.#alerts.updateMany(workspace, changed);
    return next.map((a) => stored.find((s) => s.id === a.id) ?? a);
  }
}
