import type { Entity } from '../alerts/entity.ts';
import { getField } from '@vigil/core';

/** The process of an event and what identifies its parent. */
interface ProcessLink {
  child: string;
  /** Parent key from the same event (`process.parent.executable`), when present. */
  parent?: string;
  parentEntityId?: string;
  parentPidOnHost?: string;
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;

/**
 * Parent → child process pairs over many events. A child's parent is found, in order, by ECS
 * `process.parent.entity_id` (another event's `process.entity_id`), by parent pid on the same host,
 * then by `process.parent.executable` of the same event.
 * Example: an event with process `b.exe#2` and parent `a.exe#1` yields `[['process:a.exe#1', 'process:b.exe#2']]`.
 */
export function processLineage(
  events: readonly { event: Record<string, unknown>; entities: readonly Entity[] }[],
): [string, string][] {
  const byEntityId = new Map<string, string>();
  const byHostPid = new Map<string, string>();
  const links: ProcessLink[] = [];
  for (const { event, entities } of events) {
    const child = entities.find((e) => e.type === 'process' && !e.roles.includes('parent'));
    if (child === undefined) continue;
    const host = text(getField(event, 'host.name'))?.toLowerCase() ?? '';
    const entityId = text(getField(event, 'process.entity_id'));
    const pid = text(getField(event, 'process.pid'));
    if (entityId !== undefined) byEntityId.set(entityId, child.key);
    if (pid !== undefined) byHostPid.set(`${host}#${pid}`, child.key);
    const parent = entities.find((e) => e.type === 'process' && e.roles.includes('parent'));
    const parentEntityId = text(getField(event, 'process.parent.entity_id'));
    const parentPid = text(getField(event, 'process.parent.pid'));
    links.push({
      child: child.key,
      ...(parent === undefined ? {} : { parent: parent.key }),
      ...(parentEntityId === undefined ? {} : { parentEntityId }),
      ...(parentPid === undefined ? {} : { parentPidOnHost: `${host}#${parentPid}` }),
    });
  }
  const pairs = new Map<string, [string, string]>();
  for (const link of links) {
    const parent =
      (link.parentEntityId === undefined ? undefined : byEntityId.get(link.parentEntityId)) ??
      (link.parentPidOnHost === undefined ? undefined : byHostPid.get(link.parentPidOnHost)) ??
      link.parent;
    if (parent === undefined || parent === link.child) continue;
    pairs.set(`${parent}>${link.child}`, [parent, link.child]);
  }
  return [...pairs.values()];
}
