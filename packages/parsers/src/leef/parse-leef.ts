import type { ParsedEvent } from '../parsed-event.ts';
import { newEvent } from '../ecs/new-event.ts';
import { addRelated } from '../ecs/related.ts';
import { setField } from '../ecs/set-field.ts';
import { toIsoTime } from '../ecs/to-iso-time.ts';
import { isIp, toInt, transportName } from '../ecs/values.ts';
import { splitCefHeader } from '../cef/cef-escape.ts';

/** LEEF attribute keys → ECS paths (`int` values are parsed as integers). */
const leefMap: Record<string, [string, 'ip' | 'int' | 'str' | 'proto']> = {
  src: ['source.ip', 'ip'],
  dst: ['destination.ip', 'ip'],
  srcPort: ['source.port', 'int'],
  dstPort: ['destination.port', 'int'],
  srcMAC: ['source.mac', 'str'],
  dstMAC: ['destination.mac', 'str'],
  srcBytes: ['source.bytes', 'int'],
  dstBytes: ['destination.bytes', 'int'],
  usrName: ['user.name', 'str'],
  accountName: ['user.name', 'str'],
  domain: ['user.domain', 'str'],
  identHostName: ['host.name', 'str'],
  identSrc: ['source.ip', 'ip'],
  proto: ['network.transport', 'proto'],
  sev: ['event.severity', 'int'],
  url: ['url.original', 'str'],
  action: ['event.action', 'str'],
  policy: ['rule.name', 'str'],
  resource: ['event.provider', 'str'],
  userAgent: ['user_agent.original', 'str'],
  method: ['http.request.method', 'str'],
};

/** Delimiter of LEEF 2.0: a character, or hex `x09`/`0x09`/`\x09`. */
function leefDelimiter(spec: string): string | undefined {
  if (spec.length === 1) return spec;
  const hex = /^(?:\\?0?x)([0-9a-f]{1,4})$/i.exec(spec);
  return hex?.[1] === undefined ? undefined : String.fromCharCode(Number.parseInt(hex[1], 16));
}

/**
 * Applies a LEEF 1.0/2.0 body to an event; returns an error text when malformed.
 * LEEF 1.0 attributes are tab-separated; 2.0 names its delimiter in the 6th header field.
 */
export function applyLeef(event: ParsedEvent, body: string): string | undefined {
  const m = /^LEEF:\s?(\d(?:\.\d)?)\|/.exec(body);
  if (!m) return 'leef: body does not start with "LEEF:<version>|"';
  const version = m[1] ?? '1.0';
  const v2 = version.startsWith('2');
  const headerCount = v2 ? 5 : 4;
  const { fields, rest } = splitCefHeader(body.slice(m[0].length), headerCount);
  if (rest === undefined) return `leef: header has ${fields.length + 1} of ${headerCount + 1} fields`;
  let delimiter = '\t';
  if (v2) {
    const spec = fields[4] ?? '';
    const d = spec === '' ? '\t' : leefDelimiter(spec);
    if (d === undefined) return `leef: invalid delimiter ${JSON.stringify(spec)} in header field 6`;
    delimiter = d;
  }
  const attrs = splitAttributes(rest, delimiter);
  setField(event, 'event.kind', 'event');
  setField(event, 'event.module', 'leef');
  setField(event, 'event.dataset', 'leef');
  setField(event, 'observer.vendor', fields[0]);
  setField(event, 'observer.product', fields[1]);
  setField(event, 'observer.version', fields[2]);
  setField(event, 'event.code', fields[3]);
  for (const [key, value] of Object.entries(attrs)) {
    const target = leefMap[key];
    if (target === undefined) continue;
    const [path, conv] = target;
    setField(
      event,
      path,
      conv === 'int'
        ? toInt(value)
        : conv === 'ip'
          ? isIp(value)
            ? value
            : undefined
          : conv === 'proto'
            ? transportName(value)
            : value,
    );
  }
  const time =
    attrs['devTime'] === undefined ? undefined : (toIsoTime(attrs['devTime']) ?? leefTime(attrs['devTime']));
  if (time !== undefined) event['@timestamp'] = time;
  event.raw = {
    leefVersion: version,
    vendor: fields[0],
    product: fields[1],
    version: fields[2],
    eventId: fields[3],
    ...(v2 ? { delimiter } : {}),
    ...attrs,
  };
  addRelated(event);
  return undefined;
}

/** Splits attributes on the delimiter; without it (senders that use spaces), by ` key=` boundaries. */
function splitAttributes(text: string, delimiter: string): Record<string, string> {
  const out: Record<string, string> = {};
  const parts = text.includes(delimiter) || !/\s\w+=/.test(text) ? text.split(delimiter) : splitOnKeys(text);
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    out[part.slice(0, eq).trim()] = part.slice(eq + 1);
  }
  return out;
}

function splitOnKeys(text: string): string[] {
  return text.split(/\s+(?=[\w.-]+=)/);
}

/** `devTime` default format `MMM dd yyyy HH:mm:ss` (optionally with `.SSS` and zone). */
function leefTime(value: string): string | undefined {
  const m = /^([A-Z][a-z]{2}) (\d{1,2}) (\d{4}) (\d\d:\d\d:\d\d)(?:\.\d+)?(?: (\S+))?$/.exec(value);
  return m ? toIsoTime(`${m[2]} ${m[1]} ${m[3]} ${m[4]} ${m[5] ?? 'UTC'}`) : undefined;
}

/** A bare LEEF line (no syslog header). */
export function parseLeef(line: string, receivedAt: number): ParsedEvent {
  const event = newEvent(undefined, receivedAt);
  event.message = line;
  const error = applyLeef(event, line);
  if (error !== undefined) event.parse_error = error;
  return event;
}
