import type { ParsedEvent } from '../parsed-event.ts';
import { newEvent } from '../ecs/new-event.ts';
import { addRelated } from '../ecs/related.ts';
import { setField } from '../ecs/set-field.ts';
import { cefToEcs } from './cef-to-ecs.ts';
import { parseCefExtension, splitCefHeader } from './cef-escape.ts';

/**
 * Applies a CEF body (`CEF:0|Vendor|Product|Version|SigID|Name|Severity|ext`) to an event
 * (a fresh one, or a syslog event whose MSG is CEF). Returns an error text when the header is short.
 */
export function applyCef(event: ParsedEvent, body: string): string | undefined {
  const m = /^CEF:\s?(\d+)\|/.exec(body);
  if (!m) return 'cef: body does not start with "CEF:<version>|"';
  const { fields, rest } = splitCefHeader(body.slice(m[0].length), 6);
  const header = [m[1] ?? '0', ...fields];
  if (rest === undefined) return `cef: header has ${header.length} of 7 fields`;
  const ext = parseCefExtension(rest);
  setField(event, 'event.kind', 'event');
  setField(event, 'event.module', 'cef');
  setField(event, 'event.dataset', 'cef');
  cefToEcs(event, header, ext);
  const names = [
    'cefVersion',
    'deviceVendor',
    'deviceProduct',
    'deviceVersion',
    'deviceEventClassId',
    'name',
    'severity',
  ];
  const raw: Record<string, unknown> = {};
  names.forEach((n, i) => (raw[n] = header[i]));
  Object.assign(raw, ext);
  event.raw = raw;
  addRelated(event);
  return undefined;
}

/** A bare CEF line (no syslog header). */
export function parseCef(line: string, receivedAt: number): ParsedEvent {
  const event = newEvent(undefined, receivedAt);
  event.message = line;
  const error = applyCef(event, line);
  if (error !== undefined) event.parse_error = error;
  return event;
}
