import { userError } from '../errors/vigil-error.ts';
import { dayLabel, dayOf } from '../time/day-key.ts';
import type { EventQuery, EventRange } from './event-store.port.ts';
import type { VigilEvent } from '../events/vigil-event.ts';

export const MAX_QUERY_LIMIT = 10_000;

/** What the store needs of one event to place it: its keys and event time. */
export interface PlacedEvent {
  workspace: string;
  dataSpace: string;
  id: string;
  ts: number;
  day: number;
  event: VigilEvent;
}

/** Checks every event of a batch before anything is written, so a bad event fails the batch whole. */
export function placeEvents(events: readonly VigilEvent[]): PlacedEvent[] {
  return events.map((event, index) => {
    const meta = (event as { vigil?: Partial<VigilEvent['vigil']> }).vigil;
    const workspace = meta?.workspace;
    const dataSpace = meta?.data_space;
    const id = meta?.id;
    if (!isKey(workspace) || !isKey(dataSpace) || !isKey(id)) {
      throw invalidEvent(index, 'needs non-empty string vigil.workspace, vigil.data_space and vigil.id');
    }
    const ts = Date.parse(String(event['@timestamp']));
    if (!Number.isFinite(ts)) throw invalidEvent(index, '@timestamp is not an ISO-8601 time');
    const day = dayOf(ts);
    // Day labels name tables/partitions; years outside 0000-9999 have no 8-digit label.
    if (!/^\d{8}$/.test(dayLabel(day))) throw invalidEvent(index, '@timestamp is outside years 0000-9999');
    return { workspace, dataSpace, id, ts, day, event };
  });
}

function isKey(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 256;
}

function invalidEvent(index: number, why: string) {
  return userError('INVALID_EVENT', `event #${index} of the batch: ${why}`, { details: { index } });
}

/** Validates the time range (and data spaces) shared by query and count. */
export function checkRange(range: EventRange): void {
  if (!Number.isFinite(range.from) || !Number.isFinite(range.to)) {
    throw userError('INVALID_TIME_RANGE', 'from and to must be finite epoch milliseconds', {
      details: { field: 'from' },
    });
  }
  if (typeof range.workspace !== 'string' || range.workspace.length === 0) {
    throw userError('INVALID_WORKSPACE', 'a workspace is required', { details: { field: 'workspace' } });
  }
}

export function checkQuery(query: EventQuery): void {
  checkRange(query);
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_QUERY_LIMIT) {
    throw userError('INVALID_LIMIT', `limit must be an integer from 1 to ${MAX_QUERY_LIMIT}`, {
      details: { field: 'limit', max: MAX_QUERY_LIMIT },
    });
  }
}
