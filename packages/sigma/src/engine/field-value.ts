import { eventView } from '../logsource/event-view.ts';
import type { EventView } from '../logsource/event-view.ts';
import { fieldGetter } from '../logsource/field-getter.ts';
import type { FieldGetter } from '../logsource/field-getter.ts';

const getters = new Map<string, FieldGetter>();
let lastEvent: unknown;
let lastView: EventView | undefined;

/**
 * Reads a Sigma field from an event of any supported shape (the same lookup rules use), e.g. for
 * correlation group-by: `fieldValue(evtxEvent, 'User')`. Caches the last event's normalised view.
 */
export function fieldValue(event: unknown, field: string): unknown {
  if (event !== lastEvent) {
    lastEvent = event;
    lastView = eventView(event);
  }
  if (lastView === undefined) return undefined;
  let g = getters.get(field);
  if (!g) {
    g = fieldGetter(field);
    getters.set(field, g);
  }
  return g(lastView);
}
