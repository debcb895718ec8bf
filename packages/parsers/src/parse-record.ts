import type { DetectedFormat, ParsedEvent, ParseOptions } from './parsed-event.ts';
import { failedEvent, newEvent } from './ecs/new-event.ts';
import { setField } from './ecs/set-field.ts';
import { isRecord } from './ecs/values.ts';
import { parseAuditdLine } from './auditd/parse-auditd-line.ts';
import { parseCef } from './cef/parse-cef.ts';
import { parseCloudTrail } from './cloudtrail/parse-cloudtrail.ts';
import { parseCts } from './cts/parse-cts.ts';
import { detectFormat, detectObjectFormat } from './detect/detect-format.ts';
import { parseJsonObject } from './json/parse-json-object.ts';
import { parseKv } from './kv/parse-kv.ts';
import { parseLeef } from './leef/parse-leef.ts';
import { parseLinuxAuth } from './linux-auth/parse-linux-auth.ts';
import { parseSyslog } from './syslog/parse-syslog.ts';
import { parseAccessJson } from './web-access/parse-access-json.ts';
import { parseAccessLine } from './web-access/parse-access-line.ts';
import { parseWindows } from './windows/parse-windows.ts';

const objectFormats = new Set<DetectedFormat>(['json', 'windows', 'cloudtrail', 'cts', 'web-access']);

/**
 * Parses one record into an ECS event. Never throws: a failure returns the input kept as
 * `message` (or `raw`), `@timestamp` = receivedAt, and `parse_error` saying what failed where.
 * @example parseRecord('<34>Oct 11 22:14:15 host su: FAILED SU (to root) bob on pts/0', { receivedAt: Date.now() })
 */
export function parseRecord(input: string | Record<string, unknown>, options: ParseOptions): ParsedEvent {
  const requested = options.format ?? 'auto';
  try {
    if (typeof input !== 'string') {
      const format = requested === 'auto' ? detectObjectFormat(input) : requested;
      return parseObject(input, format, options.receivedAt);
    }
    const trimmed = input.trim();
    const jsonText = trimmed.startsWith('{') || trimmed.startsWith('[');
    // JSON text is parsed once: detection then looks at the object.
    const format = requested === 'auto' ? (jsonText ? 'json' : detectFormat(input)) : requested;
    if (objectFormats.has(format) && (format !== 'web-access' || jsonText)) {
      let value: unknown;
      try {
        value = JSON.parse(trimmed);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        return failedEvent(input, options.receivedAt, `${format}: invalid JSON: ${reason}`);
      }
      if (!isRecord(value)) {
        const got = Array.isArray(value) ? 'an array' : typeof value;
        return failedEvent(input, options.receivedAt, `${format}: expected a JSON object, got ${got}`);
      }
      const event = parseObject(
        value,
        requested === 'auto' ? detectObjectFormat(value) : format,
        options.receivedAt,
      );
      // A failure keeps the text exactly as received.
      if (event.parse_error !== undefined) event.message = input;
      return event;
    }
    return parseText(input.replace(/\r?\n$/, ''), format, options.receivedAt);
  } catch (err) {
    // A bug in a parser must not lose the event.
    return failedEvent(
      input,
      options.receivedAt,
      `${requested}: internal parser error: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

function parseObject(obj: Record<string, unknown>, format: DetectedFormat, receivedAt: number): ParsedEvent {
  switch (format) {
    case 'windows':
      return parseWindows(obj, receivedAt);
    case 'cloudtrail':
      return parseCloudTrail(obj, receivedAt);
    case 'cts':
      return parseCts(obj, receivedAt);
    case 'web-access':
      return parseAccessJson(obj, receivedAt);
    case 'json':
      return parseJsonObject(obj, receivedAt);
    case 'syslog':
    case 'cef':
    case 'leef':
    case 'kv':
    case 'linux-auth':
    case 'auditd':
    case 'text': {
      // A text format given an object: parse its `message` if it has one.
      const message = obj['message'];
      if (typeof message === 'string') {
        const event = parseText(message, format, receivedAt);
        event.raw = { ...obj, ...(event.raw ?? {}) };
        return event;
      }
      return failedEvent(obj, receivedAt, `${format}: expected text, got a JSON object without "message"`);
    }
  }
}

function parseText(line: string, format: DetectedFormat, receivedAt: number): ParsedEvent {
  switch (format) {
    case 'syslog':
      return parseSyslog(line, receivedAt);
    case 'linux-auth':
      return parseLinuxAuth(line, receivedAt);
    case 'cef':
      return line.startsWith('CEF:') ? parseCef(line, receivedAt) : cefInSyslog(line, receivedAt);
    case 'leef':
      return line.startsWith('LEEF:') ? parseLeef(line, receivedAt) : leefInSyslog(line, receivedAt);
    case 'kv':
      return parseKv(line, receivedAt);
    case 'auditd':
      return parseAuditdLine(line, receivedAt);
    case 'web-access':
      return parseAccessLine(line, receivedAt);
    case 'text':
      return textEvent(line, receivedAt);
    case 'json':
    case 'windows':
    case 'cloudtrail':
    case 'cts':
      return failedEvent(line, receivedAt, `${format}: expected a JSON object`);
  }
}

function cefInSyslog(line: string, receivedAt: number): ParsedEvent {
  if (!line.includes('CEF:')) return failedEvent(line, receivedAt, 'cef: no "CEF:" marker in the line');
  const event = parseSyslog(line, receivedAt);
  if (event.parse_error === undefined && event.raw?.['cefVersion'] === undefined) {
    event.parse_error = 'cef: "CEF:" found but not at the start of the syslog message';
  }
  return event;
}

function leefInSyslog(line: string, receivedAt: number): ParsedEvent {
  if (!line.includes('LEEF:')) return failedEvent(line, receivedAt, 'leef: no "LEEF:" marker in the line');
  const event = parseSyslog(line, receivedAt);
  if (event.parse_error === undefined && event.raw?.['leefVersion'] === undefined) {
    event.parse_error = 'leef: "LEEF:" found but not at the start of the syslog message';
  }
  return event;
}

/** An unstructured line: kept as `message`, no parse error (nothing was promised). */
function textEvent(line: string, receivedAt: number): ParsedEvent {
  const event = newEvent(undefined, receivedAt);
  event.message = line;
  setField(event, 'event.kind', 'event');
  setField(event, 'event.module', 'text');
  setField(event, 'event.dataset', 'text');
  return event;
}
