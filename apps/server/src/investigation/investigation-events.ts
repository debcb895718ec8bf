import type { EventFilter, EventStore, VigilEvent } from '@vigil/core';
import { entityEventFilter, type Entity, type EntityRef } from '@vigil/cases';

/** Entities whose events one read asks for: an `or` of this many filters stays a cheap query. */
export const maxFocusEntities = 40;
/** Linked event ids looked up at once (alerts keep at most 1000 each). */
const maxLinkedIds = 2000;

export interface EventWindow {
  workspace: string;
  from: number;
  to: number;
}

export interface EventBatch {
  events: VigilEvent[];
  /** The store had more matching events than were read. */
  truncated: boolean;
}

// Hosts, users and addresses tie events together best; processes and files come after them.
const kindOrder = [
  'host',
  'user',
  'ip',
  'process',
  'domain',
  'hash',
  'file',
  'url',
  'cloud_resource',
  'cloud_account',
];

/** The entities an alert or incident read asks the store about, most telling kinds first. */
export function focusEntities(entities: readonly Entity[]): EntityRef[] {
  const seen = new Set<string>();
  const refs: EntityRef[] = [];
  for (const e of [...entities].sort((a, b) => kindOrder.indexOf(a.type) - kindOrder.indexOf(b.type))) {
    const k = `${e.type}:${e.value}`;
    if (seen.has(k)) continue;
    seen.add(k);
    refs.push({ type: e.type, value: e.value });
  }
  return refs.slice(0, maxFocusEntities);
}

/** The store filter for events naming any of these entities (values are bound parameters, never SQL). */
export function entitiesFilter(refs: readonly EntityRef[]): EventFilter | undefined {
  const parts = refs.flatMap((r) => entityEventFilter(r.type, r.value) ?? []);
  return parts.length === 0 ? undefined : { or: parts };
}

/** Events of these ids in the window (an alert's linked events). */
export async function linkedEvents(
  store: EventStore,
  w: EventWindow,
  ids: readonly string[],
): Promise<EventBatch> {
  const unique = [...new Set(ids)].slice(0, maxLinkedIds);
  if (unique.length === 0) return { events: [], truncated: false };
  const page = await store.query({
    ...w,
    filter: { field: 'vigil.id', op: 'in', values: unique },
    limit: unique.length,
    order: 'asc',
  });
  return { events: page.events, truncated: ids.length > unique.length };
}

/**
 * Up to `limit` events matching the filter nearest the middle of the window: half read forwards from the
 * middle, half backwards, so a busy start of the window cannot crowd out the moments around the alert.
 */
export async function eventsAroundMiddle(
  store: EventStore,
  w: EventWindow,
  filter: EventFilter | undefined,
  limit: number,
): Promise<EventBatch> {
  if (filter === undefined) return { events: [], truncated: false };
  const middle = Math.floor((w.from + w.to) / 2);
  const half = Math.max(1, Math.ceil(limit / 2));
  const [later, earlier] = await Promise.all([
    store.query({ ...w, from: middle, filter, limit: half, order: 'asc' }),
    store.query({ ...w, to: middle, filter, limit: half, order: 'desc' }),
  ]);
  return {
    events: [...earlier.events, ...later.events],
    truncated: later.next !== undefined || earlier.next !== undefined,
  };
}

/**
 * Events matching the filter in one direction that pass `keep` (the exact entity check after the store's
 * superset filter), reading a few pages at most.
 */
export async function matchingEvents(
  store: EventStore,
  w: EventWindow,
  filter: EventFilter,
  order: 'asc' | 'desc',
  want: number,
  keep: (event: VigilEvent) => boolean,
  maxPages = 4,
): Promise<EventBatch> {
  const out: VigilEvent[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const res = await store.query({
      ...w,
      filter,
      order,
      limit: Math.max(want, 100),
      ...(cursor === undefined ? {} : { cursor }),
    });
    out.push(...res.events.filter(keep));
    cursor = res.next;
    if (cursor === undefined) return { events: out.slice(0, want), truncated: out.length > want };
    if (out.length >= want) return { events: out.slice(0, want), truncated: true };
  }
  return { events: out.slice(0, want), truncated: true };
}
