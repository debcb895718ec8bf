import type { Entity, EntityType } from '../alerts/entity.ts';
import { extractEntities } from '../alerts/extract-entities.ts';

/** Entities of one event, bounded so one odd event cannot blow up the co-occurrence edges. */
export const maxEntitiesPerEvent = 24;

/** The entities of one stored event (same extraction and normalisation as alerts). */
export function eventEntities(event: Record<string, unknown>): Entity[] {
  return extractEntities([event], maxEntitiesPerEvent);
}

/** True when the event names this entity; processes match by executable whatever their pid. */
export function eventMentionsEntity(
  event: Record<string, unknown>,
  type: EntityType,
  value: string,
): boolean {
  return eventEntities(event).some((e) => e.type === type && e.value === value);
}

/** `vigil.id` of a stored event, or '' when it has none (never for stored events). */
export function storedEventId(event: Record<string, unknown>): string {
  const vigil = event['vigil'];
  if (vigil === null || typeof vigil !== 'object') return '';
  const id = (vigil as Record<string, unknown>)['id'];
  return typeof id === 'string' ? id : '';
}

/** Event time in epoch ms (`@timestamp`), NaN when missing or unparseable. */
export function storedEventTime(event: Record<string, unknown>): number {
  const at = event['@timestamp'];
  return typeof at === 'string' ? Date.parse(at) : NaN;
}
