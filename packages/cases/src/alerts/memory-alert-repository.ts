import { unexpectedError } from '@vigil/core';
import {
  alertExists,
  alertNotFound,
  alertVersionConflict,
  detectionAlreadyProcessed,
} from './alert.error.ts';
import type { Alert } from './alert.ts';
import type { AlertBatch, AlertQuery, AlertRepository } from './alert.port.ts';

const byId = (a: Alert, b: Alert): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const newestFirst = (a: Alert, b: Alert): number => b.lastSeenAt - a.lastSeenAt || byId(a, b);

function workspaceMismatch(workspace: string, alerts: readonly Alert[]): Error | undefined {
  const other = alerts.find((a) => a.workspace !== workspace);
  return other === undefined
    ? undefined
    : unexpectedError('WORKSPACE_MISMATCH', 'An alert of another workspace was passed', {
        details: { workspace, alert: other.id },
      });
}

/** In-memory `AlertRepository` for tests and the reference behaviour for adapters. */
export class MemoryAlertRepository implements AlertRepository {
  readonly #rows = new Map<string, Map<string, Alert>>();
  /** Workspace → detection id → remembered until. */
  readonly #processed = new Map<string, Map<string, number>>();

  #ws(workspace: string): Map<string, Alert> {
    let rows = this.#rows.get(workspace);
    if (rows === undefined) {
      rows = new Map();
      this.#rows.set(workspace, rows);
    }
    return rows;
  }

  get(workspace: string, id: string): Promise<Alert | undefined> {
    const row = this.#rows.get(workspace)?.get(id);
    return Promise.resolve(row && structuredClone(row));
  }

  getMany(workspace: string, ids: readonly string[]): Promise<Alert[]> {
    const rows = this.#rows.get(workspace);
    return Promise.resolve(
      ids.flatMap((id) => {
        const row = rows?.get(id);
        return row === undefined ? [] : [structuredClone(row)];
      }),
    );
  }

  insertMany(workspace: string, alerts: readonly Alert[]): Promise<void> {
    return this.saveBatch(workspace, { insert: alerts, update: [] }).then(() => undefined);
  }

  updateMany(workspace: string, alerts: readonly Alert[]): Promise<Alert[]> {
    return this.saveBatch(workspace, { insert: [], update: alerts });
  }

  processedDetections(workspace: string, ids: readonly string[], now: number): Promise<string[]> {
    const seen = this.#processed.get(workspace);
    return Promise.resolve(ids.filter((id) => (seen?.get(id) ?? -Infinity) > now));
  }

  saveBatch(workspace: string, batch: AlertBatch): Promise<Alert[]> {
    const mismatch = workspaceMismatch(workspace, [...batch.insert, ...batch.update]);
    if (mismatch !== undefined) return Promise.reject(mismatch);
    const rows = this.#ws(workspace);
    const processed = batch.processed;
    const seen = this.#processed.get(workspace) ?? new Map<string, number>();
    if (processed !== undefined) {
      const taken = processed.ids.find((id) => (seen.get(id) ?? -Infinity) > processed.at);
      if (taken !== undefined) return Promise.reject(detectionAlreadyProcessed(taken));
    }
    const ids = new Set<string>();
    for (const a of batch.insert) {
      if (rows.has(a.id) || ids.has(a.id)) return Promise.reject(alertExists(a.id));
      ids.add(a.id);
    }
    for (const a of batch.update) {
      const stored = rows.get(a.id);
      if (stored === undefined) return Promise.reject(alertNotFound(workspace, a.id));
      if (stored.version !== a.version)
        return Promise.reject(alertVersionConflict(a.id, a.version, stored.version));
    }
    for (const a of batch.insert) rows.set(a.id, structuredClone({ ...a, version: 1 }));
    const out = batch.update.map((a) => ({ ...structuredClone(a), version: a.version + 1 }));
    for (const a of out) rows.set(a.id, a);
    if (processed !== undefined) {
      for (const [id, until] of seen) if (until <= processed.at) seen.delete(id);
      for (const id of processed.ids) seen.set(id, processed.until);
      this.#processed.set(workspace, seen);
    }
    return Promise.resolve(structuredClone(out));
  }

  findDedupTargets(workspace: string, keys: readonly string[], now: number): Promise<Alert[]> {
    const wanted = new Set(keys);
    const rows = [...(this.#rows.get(workspace)?.values() ?? [])].filter(
      (a) => wanted.has(a.dedupKey) && a.status !== 'closed' && a.dedupUntil > now,
    );
    return Promise.resolve(structuredClone(rows.sort((a, b) => b.createdAt - a.createdAt || byId(a, b))));
  }

  findByEntities(
    workspace: string,
    entityKeys: readonly string[],
    since: number,
    until: number,
    limit = 100,
  ): Promise<Alert[]> {
    const wanted = new Set(entityKeys);
    const rows = [...(this.#rows.get(workspace)?.values() ?? [])].filter(
      (a) => a.lastSeenAt >= since && a.firstSeenAt <= until && a.entityKeys.some((k) => wanted.has(k)),
    );
    return Promise.resolve(structuredClone(rows.sort(newestFirst).slice(0, limit)));
  }

  list(workspace: string, query: AlertQuery = {}): Promise<Alert[]> {
    const limit = Math.min(Math.max(query.limit ?? 100, 1), 1000);
    const rows = [...(this.#rows.get(workspace)?.values() ?? [])]
      .filter(
        (a) =>
          (query.status === undefined || query.status.includes(a.status)) &&
          (query.severity === undefined || query.severity.includes(a.severity)) &&
          (query.ruleId === undefined || a.rule.id === query.ruleId) &&
          (query.incidentId === undefined || a.incidentId === query.incidentId) &&
          (query.entityKey === undefined || a.entityKeys.includes(query.entityKey)) &&
          (query.createdFrom === undefined || a.createdAt >= query.createdFrom) &&
          (query.createdTo === undefined || a.createdAt < query.createdTo) &&
          (query.after === undefined || a.id > query.after),
      )
      .sort(byId)
      .slice(0, limit);
    return Promise.resolve(structuredClone(rows));
  }
}
