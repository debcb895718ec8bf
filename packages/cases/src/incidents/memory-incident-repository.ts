import { unexpectedError } from '@vigil/core';
import { incidentExists, incidentNotFound, incidentVersionConflict } from './incident.error.ts';
import type { Incident } from './incident.ts';
import type { IncidentQuery, IncidentRepository } from './incident.port.ts';

const byId = (a: Incident, b: Incident): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** In-memory `IncidentRepository` for tests and the reference behaviour for adapters. */
export class MemoryIncidentRepository implements IncidentRepository {
  readonly #rows = new Map<string, Map<string, Incident>>();

  #ws(workspace: string): Map<string, Incident> {
    let rows = this.#rows.get(workspace);
    if (rows === undefined) this.#rows.set(workspace, (rows = new Map<string, Incident>()));
    return rows;
  }

  #mismatch(workspace: string, incidents: readonly Incident[]): Error | undefined {
    const other = incidents.find((i) => i.workspace !== workspace);
    return other === undefined
      ? undefined
      : unexpectedError('WORKSPACE_MISMATCH', 'An incident of another workspace was passed', {
          details: { workspace, incident: other.id },
        });
  }

  get(workspace: string, id: string): Promise<Incident | undefined> {
    const row = this.#rows.get(workspace)?.get(id);
    return Promise.resolve(row && structuredClone(row));
  }

  getMany(workspace: string, ids: readonly string[]): Promise<Incident[]> {
    const rows = this.#rows.get(workspace);
    return Promise.resolve(
      ids.flatMap((id) => {
        const row = rows?.get(id);
        return row === undefined ? [] : [structuredClone(row)];
      }),
    );
  }

  insertMany(workspace: string, incidents: readonly Incident[]): Promise<void> {
    const mismatch = this.#mismatch(workspace, incidents);
    if (mismatch !== undefined) return Promise.reject(mismatch);
    const rows = this.#ws(workspace);
    const ids = new Set<string>();
    for (const i of incidents) {
      if (rows.has(i.id) || ids.has(i.id)) return Promise.reject(incidentExists(i.id));
      ids.add(i.id);
    }
    for (const i of incidents) rows.set(i.id, structuredClone({ ...i, version: 1 }));
    return Promise.resolve();
  }

  updateMany(workspace: string, incidents: readonly Incident[]): Promise<Incident[]> {
    const mismatch = this.#mismatch(workspace, incidents);
    if (mismatch !== undefined) return Promise.reject(mismatch);
    const rows = this.#ws(workspace);
    for (const i of incidents) {
      const stored = rows.get(i.id);
      if (stored === undefined) return Promise.reject(incidentNotFound(workspace, i.id));
      if (stored.version !== i.version) {
        return Promise.reject(incidentVersionConflict(i.id, i.version, stored.version));
      }
    }
    const out = incidents.map((i) => ({ ...structuredClone(i), version: i.version + 1 }));
    for (const i of out) rows.set(i.id, i);
    return Promise.resolve(structuredClone(out));
  }

  list(workspace: string, query: IncidentQuery = {}): Promise<Incident[]> {
    const limit = Math.min(Math.max(query.limit ?? 100, 1), 1000);
    const rows = [...(this.#rows.get(workspace)?.values() ?? [])]
      .filter(
        (i) =>
          (query.status === undefined || query.status.includes(i.status)) &&
          (query.severity === undefined || query.severity.includes(i.severity)) &&
          (query.owner === undefined || i.owner === query.owner) &&
          (query.entityKey === undefined || i.entityKeys.includes(query.entityKey)) &&
          (query.createdFrom === undefined || i.createdAt >= query.createdFrom) &&
          (query.createdTo === undefined || i.createdAt < query.createdTo) &&
          (query.after === undefined || i.id > query.after),
      )
      .sort(byId)
      .slice(0, limit);
    return Promise.resolve(structuredClone(rows));
  }
}
