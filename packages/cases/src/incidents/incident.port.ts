import type { Severity } from '../alerts/severity.ts';
import type { Incident, IncidentStatus } from './incident.ts';

export interface IncidentQuery {
  status?: readonly IncidentStatus[];
  severity?: readonly Severity[];
  owner?: string;
  /** Only those with this entity (`host:ws01`): for entity pages. */
  entityKey?: string;
  /** Platform creation time range, epoch ms: from inclusive, to exclusive. */
  createdFrom?: number;
  createdTo?: number;
  after?: string;
  /** 1..1000, default 100. */
  limit?: number;
}

/** Incidents, always scoped by workspace; batch writes are all-or-nothing. */
export interface IncidentRepository {
  get(workspace: string, id: string): Promise<Incident | undefined>;
  getMany(workspace: string, ids: readonly string[]): Promise<Incident[]>;
  /** INCIDENT_EXISTS (409) when an id is taken. */
  insertMany(workspace: string, incidents: readonly Incident[]): Promise<void>;
  /** Version-checked like AlertRepository.updateMany; returns the stored incidents (version + 1). */
  updateMany(workspace: string, incidents: readonly Incident[]): Promise<Incident[]>;
  /** Ordered by id. */
  list(workspace: string, query?: IncidentQuery): Promise<Incident[]>;
}
