import type { VigilEvent } from '../events/vigil-event.ts';
import type { EventFilter } from './event-filter.ts';

/**
 * Event store port: batch-first, workspace on every record, event time on every event.
 * Adapters: SQLite (embedded) and PostgreSQL (distributed, partitioned by day).
 */
export interface EventStore {
  /** Appends a batch atomically; resolves only when the batch is durable (committed). */
  append(events: readonly VigilEvent[]): Promise<AppendResult>;
  /** Events of one workspace in [from, to), filtered, ordered by event time, paginated by cursor. */
  query(query: EventQuery): Promise<EventPage>;
  /** Number of events matching a query (ignores limit and cursor). */
  count(query: EventRange): Promise<number>;
  /**
   * Retention: drops every event of the workspace (and data space, if given) whose event time is
   * before `before`. Whole days are dropped cheaply (partition/table per day); returns rows removed.
   */
  dropBefore(scope: RetentionScope, before: number): Promise<number>;
  /** Throws an operational error when the store is unreachable (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface EventRange {
  workspace: string;
  /** Limit to these data spaces; all of the workspace's when absent. */
  dataSpaces?: readonly string[];
  /** Inclusive lower bound, epoch ms of event time. */
  from: number;
  /** Exclusive upper bound, epoch ms of event time. */
  to: number;
  filter?: EventFilter;
}

export interface EventQuery extends EventRange {
  /** 1..10000 */
  limit: number;
  /** Opaque cursor from a previous page's `next`. */
  cursor?: string;
  /** Event-time order; newest first by default. */
  order?: 'asc' | 'desc';
}

export interface EventPage {
  events: VigilEvent[];
  /** Cursor for the following page; absent on the last page. */
  next?: string;
}

export interface AppendResult {
  appended: number;
}

export interface RetentionScope {
  workspace: string;
  dataSpace?: string;
}
