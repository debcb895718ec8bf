import type { Json } from '../admin/parse.ts';

/** Reads a dotted path from a nested event (flat dotted keys too). */
function field(event: Json, path: string): unknown {
  if (path in event) return event[path];
  let cur: unknown = event;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Json)[part];
  }
  return cur;
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== ''
    ? v
    : typeof v === 'number'
      ? String(v)
      : Array.isArray(v)
        ? v.join(', ')
        : undefined;

/**
 * One line saying what an event is: action or category, the process or connection, else the message.
 * @example eventSummary({event: {action: 'logon'}, user: {name: 'alice'}}) === 'logon · user alice'
 */
export function eventSummary(event: Json): string {
  const what = text(field(event, 'event.action')) ?? text(field(event, 'event.category'));
  const process = text(field(event, 'process.command_line')) ?? text(field(event, 'process.executable'));
  const src = text(field(event, 'source.ip'));
  const dst = text(field(event, 'destination.ip'));
  const user = text(field(event, 'user.name'));
  const parts = [
    what,
    process,
    src !== undefined || dst !== undefined ? `${src ?? '?'} → ${dst ?? '?'}` : undefined,
    user === undefined ? undefined : `user ${user}`,
  ].filter((p): p is string => p !== undefined);
  const summary = parts.length > 0 ? parts.join(' · ') : (text(field(event, 'message')) ?? 'event');
  return summary.length > 240 ? `${summary.slice(0, 239)}…` : summary;
}

/** The event's host name, for a timeline column. */
export const eventHost = (event: Json): string | undefined => text(field(event, 'host.name'));
