import type { Alert, AlertStatus } from './alert.ts';
import type { Severity } from './severity.ts';

export interface AlertQuery {
  status?: readonly AlertStatus[];
  severity?: readonly Severity[];
  ruleId?: string;
  incidentId?: string;
  /** Only those with this entity (`host:ws01`): for entity pages. */
  entityKey?: string;
  /** Platform creation time range, epoch ms: from inclusive, to exclusive. */
  createdFrom?: number;
  createdTo?: number;
  /** Keyset pagination: ids sorting after this one. */
  after?: string;
  /** 1..1000, default 100. */
  limit?: number;
}

/**
 * Bus detection ids an aggregation batch consumed, remembered until `until` (epoch ms): a redelivered
 * detection (worker crashed after storing, before acking) is recognised and not counted again.
 */
export interface ProcessedDetections {
  ids: readonly string[];
  /** When they were processed: records expired by then are purged (or replaced) in the same write. */
  at: number;
  until: number;
}

/** One all-or-nothing aggregator write. */
export interface AlertBatch {
  insert: readonly Alert[];
  update: readonly Alert[];
  /** Recorded in the same transaction; DETECTION_ALREADY_PROCESSED (409) when one is already remembered. */
  processed?: ProcessedDetections;
}

/**
 * Alerts, always scoped by workspace; batch operations so a detection batch costs one round trip.
 * Adapters index `dedupKey`, `entityKeys`, `lastSeenAt`, `status`, `createdAt`.
 */
export interface AlertRepository {
  get(workspace: string, id: string): Promise<Alert | undefined>;
  /** The alerts of these ids that exist, in the order asked. */
  getMany(workspace: string, ids: readonly string[]): Promise<Alert[]>;
  /** Inserts new alerts all-or-nothing; ALERT_EXISTS (409) when an id is taken. */
  insertMany(workspace: string, alerts: readonly Alert[]): Promise<void>;
  /**
   * Replaces alerts all-or-nothing when each stored version equals `alert.version`; stores and returns
   * them with version + 1. VERSION_CONFLICT (409) or ALERT_NOT_FOUND (404) fail the whole batch.
   */
  updateMany(workspace: string, alerts: readonly Alert[]): Promise<Alert[]>;
  /**
   * New and changed alerts in one all-or-nothing write (the aggregator's batch), so a redelivered
   * detection batch never counts twice. Same checks and errors as insertMany/updateMany; returns the updated ones.
   */
  saveBatch(workspace: string, batch: AlertBatch): Promise<Alert[]>;
  /** Those of `ids` recorded by an earlier saveBatch and still remembered at `now` (expired ones are forgotten). */
  processedDetections(workspace: string, ids: readonly string[], now: number): Promise<string[]>;
  /** Not-closed alerts with one of these dedup keys whose `dedupUntil` is after `now`; newest first. */
  findDedupTargets(workspace: string, keys: readonly string[], now: number): Promise<Alert[]>;
  /** Alerts sharing at least one entity key whose event-time span touches [since, until]; newest first. */
  findByEntities(
    workspace: string,
    entityKeys: readonly string[],
    since: number,
    until: number,
    limit?: number,
  ): Promise<Alert[]>;
  /** Ordered by id. */
  list(workspace: string, query?: AlertQuery): Promise<Alert[]>;
}
