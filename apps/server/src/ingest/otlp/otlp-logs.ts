import type { ParsedEvent, RecordInput } from '@vigil/parsers';

/** One OTLP log record, flattened with its resource and scope. */
export interface OtlpRecord {
  record: RecordInput;
  /** Event time from timeUnixNano (or observedTimeUnixNano), epoch ms. */
  timeMs?: number;
  resource: Record<string, unknown>;
  attributes: Record<string, unknown>;
  scope?: string;
  severityText?: string;
  severityNumber?: number;
  traceId?: string;
  spanId?: string;
}

type Json = Record<string, unknown>;

function obj(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** OTLP AnyValue (JSON encoding) → a plain value. */
export function anyValue(value: unknown, depth = 0): unknown {
  const v = obj(value);
  if (depth > 32) return undefined;
  if ('stringValue' in v) return v['stringValue'];
  if ('boolValue' in v) return v['boolValue'];
  if ('intValue' in v) return Number(v['intValue']);
  if ('doubleValue' in v) return v['doubleValue'];
  if ('bytesValue' in v) return v['bytesValue'];
  if ('arrayValue' in v) return arr(obj(v['arrayValue'])['values']).map((x) => anyValue(x, depth + 1));
  if ('kvlistValue' in v) return keyValues(obj(v['kvlistValue'])['values'], depth + 1);
  return undefined;
}

/** OTLP KeyValue list → an object. */
export function keyValues(list: unknown, depth = 0): Json {
  const out: Json = {};
  for (const kv of arr(list)) {
    const key = obj(kv)['key'];
    if (typeof key === 'string') out[key] = anyValue(obj(kv)['value'], depth);
  }
  return out;
}

function nanosToMs(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  if (!/^\d+$/.test(text) || /^0+$/.test(text)) return undefined;
  return Number(BigInt(text) / 1_000_000n);
}

/**
 * Flattens an OTLP/HTTP JSON `ExportLogsServiceRequest` into records. A string body is parsed like a
 * log line (it may be syslog, CEF, JSON…); a map body is parsed as a JSON object.
 * Returns a string when the document is not an OTLP logs request.
 */
export function flattenOtlpLogs(doc: unknown): OtlpRecord[] | string {
  const root = obj(doc);
  if (!Array.isArray(root['resourceLogs'])) return 'expected an object with a "resourceLogs" array';
  const out: OtlpRecord[] = [];
  for (const rl of arr(root['resourceLogs'])) {
    const resource = keyValues(obj(obj(rl)['resource'])['attributes']);
    for (const sl of arr(obj(rl)['scopeLogs'] ?? obj(rl)['instrumentationLibraryLogs'])) {
      const scopeName = obj(obj(sl)['scope'])['name'];
      for (const lr of arr(obj(sl)['logRecords'])) {
        const r = obj(lr);
        const body = anyValue(r['body']);
        const record: RecordInput =
          typeof body === 'string'
            ? body
            : body !== null && typeof body === 'object' && !Array.isArray(body)
              ? (body as Json)
              : JSON.stringify(body ?? null);
        const timeMs = nanosToMs(r['timeUnixNano']) ?? nanosToMs(r['observedTimeUnixNano']);
        out.push({
          record,
          resource,
          attributes: keyValues(r['attributes']),
          ...(timeMs === undefined ? {} : { timeMs }),
          ...(typeof scopeName === 'string' && scopeName !== '' ? { scope: scopeName } : {}),
          ...(typeof r['severityText'] === 'string' ? { severityText: r['severityText'] } : {}),
          ...(typeof r['severityNumber'] === 'number' ? { severityNumber: r['severityNumber'] } : {}),
          ...(typeof r['traceId'] === 'string' && r['traceId'] !== '' ? { traceId: r['traceId'] } : {}),
          ...(typeof r['spanId'] === 'string' && r['spanId'] !== '' ? { spanId: r['spanId'] } : {}),
        });
      }
    }
  }
  return out;
}

/**
 * Applies OTLP metadata: the record's time when the parser found none in the body, severity as
 * `log.level`, trace/span ids, `service.name` and `host.name` from the resource when absent, and the
 * OTLP attributes under `raw.otel` (vendor names, as `raw` keeps them).
 */
export function applyOtlpMeta(event: ParsedEvent, meta: OtlpRecord | undefined, receivedIso: string): void {
  if (meta === undefined) return;
  if (meta.timeMs !== undefined && event['@timestamp'] === receivedIso) {
    event['@timestamp'] = new Date(meta.timeMs).toISOString();
  }
  const set = (group: string, key: string, value: unknown) => {
    if (value === undefined) return;
    const current = obj(event[group]);
    if (current[key] === undefined) event[group] = { ...current, [key]: value };
  };
  set('log', 'level', meta.severityText);
  set('trace', 'id', meta.traceId);
  set('span', 'id', meta.spanId);
  set('service', 'name', meta.resource['service.name']);
  set('host', 'name', meta.resource['host.name']);
  event.raw = {
    ...(event.raw ?? {}),
    otel: {
      resource: meta.resource,
      attributes: meta.attributes,
      ...(meta.scope ? { scope: meta.scope } : {}),
      ...(meta.severityNumber === undefined ? {} : { severityNumber: meta.severityNumber }),
    },
  };
}
