import type { ParsedEvent } from '../parsed-event.ts';
import { newEvent } from '../ecs/new-event.ts';
import { addRelated } from '../ecs/related.ts';
import { readField, setField } from '../ecs/set-field.ts';
import { isRecord } from '../ecs/values.ts';

/** Top-level ECS field sets copied through when a JSON document is already (partly) ECS. */
const ecsRoots = [
  'agent',
  'client',
  'cloud',
  'container',
  'destination',
  'dns',
  'error',
  'event',
  'file',
  'group',
  'host',
  'http',
  'labels',
  'log',
  'network',
  'observer',
  'process',
  'registry',
  'related',
  'rule',
  'server',
  'service',
  'source',
  'tags',
  'threat',
  'url',
  'user',
  'user_agent',
  'winlog',
  'ecs',
];
const timeKeys = ['@timestamp', 'timestamp', 'time', 'ts', 'eventTime', 'date', 'datetime'];

/**
 * Generic JSON document → event: keeps the document as `raw`, copies ECS field sets that are
 * already present (a Filebeat/Vector document stays searchable by ECS names), and picks a time.
 */
export function parseJsonObject(obj: Record<string, unknown>, receivedAt: number): ParsedEvent {
  const time = timeKeys.map((k) => obj[k]).find((v) => typeof v === 'string' || typeof v === 'number');
  const event = newEvent(time, receivedAt);
  for (const root of ecsRoots) {
    const value = obj[root];
    if (isRecord(value) || (root === 'tags' && Array.isArray(value))) event[root] = structuredClone(value);
  }
  const message = obj['message'] ?? obj['msg'];
  if (typeof message === 'string') event.message = message;
  event.raw = obj;
  if (readField(event, 'event.kind') === undefined) setField(event, 'event.kind', 'event');
  if (readField(event, 'event.dataset') === undefined) setField(event, 'event.dataset', 'json');
  if (readField(event, 'event.module') === undefined) setField(event, 'event.module', 'json');
  addRelated(event);
  return event;
}
