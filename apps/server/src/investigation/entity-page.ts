import type { EventStore } from '@vigil/core';
import {
  eventMentionsEntity,
  overlapsWindow,
  summariseEntity,
  type EntityPageWindow,
  type EntityRef,
  type EntitySummary,
} from '@vigil/cases';
import type { CasesRuntime } from '../alerts/cases-runtime.ts';
import { entitiesFilter, matchingEvents, type EventBatch } from './investigation-events.ts';

/** Related alerts and incidents listed on one page. */
const maxRelated = 100;

export interface EntityPageRequest {
  workspace: string;
  ref: EntityRef;
  /** Events window (see entityPageWindow): a look-back from now, or `at` ± before/after. */
  window: EntityPageWindow;
  limit: number;
}

const none: EventBatch = { events: [], truncated: false };

/**
 * Reads what an entity page shows. A look-back lists the newest events and finds the first one; a window
 * around `at` lists the events nearest it (half before, half after) and only the alerts and incidents
 * active in the window.
 */
export async function entityPage(
  deps: { cases: CasesRuntime; events: EventStore },
  req: EntityPageRequest,
): Promise<EntitySummary & { from: number; to: number; at?: number; eventsTruncated: boolean }> {
  const { workspace, ref, window: win } = req;
  const w = { workspace, from: win.from, to: win.to };
  const key = `${ref.type}:${ref.value}`;
  const filter = entitiesFilter([ref]);
  const keep = (e: Record<string, unknown>) => eventMentionsEntity(e, ref.type, ref.value);
  const read = async (): Promise<{ recent: EventBatch; first: EventBatch }> => {
    if (filter === undefined) return { recent: none, first: none };
    if (win.at === undefined) {
      const [recent, first] = await Promise.all([
        matchingEvents(deps.events, w, filter, 'desc', req.limit, keep),
        matchingEvents(deps.events, w, filter, 'asc', 1, keep),
      ]);
      return { recent, first };
    }
    const half = Math.ceil(req.limit / 2);
    const [earlier, later] = await Promise.all([
      matchingEvents(deps.events, { ...w, to: win.at + 1 }, filter, 'desc', half, keep),
      matchingEvents(deps.events, { ...w, from: win.at + 1 }, filter, 'asc', req.limit - half, keep),
    ]);
    return {
      recent: {
        events: [...later.events, ...earlier.events],
        truncated: earlier.truncated || later.truncated,
      },
      first: none,
    };
  };
  const [{ recent, first }, alerts, incidents] = await Promise.all([
    read(),
    deps.cases.alerts.list(workspace, { entityKey: key, limit: maxRelated }),
    deps.cases.incidents.list(workspace, { entityKey: key, limit: maxRelated }),
  ]);
  const inWindow = <T extends { firstSeenAt: number; lastSeenAt: number }>(list: T[]) =>
    win.at === undefined ? list : list.filter((c) => overlapsWindow(c, win));
  const firstEvent = first.events[0];
  const summary = summariseEntity({
    kind: ref.type,
    value: ref.value,
    recentEvents: recent.events,
    ...(firstEvent === undefined ? {} : { firstEvent }),
    alerts: inWindow(alerts),
    incidents: inWindow(incidents),
    recentLimit: req.limit,
  });
  return {
    ...summary,
    from: win.from,
    to: win.to,
    ...(win.at === undefined ? {} : { at: win.at }),
    eventsTruncated: recent.truncated,
  };
}
