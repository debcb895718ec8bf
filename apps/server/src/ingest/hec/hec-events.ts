import { splitJsonDocuments, type FormatName, type ParsedEvent, type RecordInput } from '@vigil/parsers';
import type { HecAnswer } from './hec-reply.ts';
import { HEC } from './hec-reply.ts';

/** The metadata of one HEC event envelope. */
export interface HecMeta {
  time?: number;
  host?: string;
  source?: string;
  sourcetype?: string;
  index?: string;
  fields?: Record<string, unknown>;
}

export interface HecBatch {
  records: RecordInput[];
  meta: HecMeta[];
  /** The first invalid envelope, if any: its 0-based number and the HEC answer for it. */
  invalid?: { number: number; answer: HecAnswer; reason: string };
}

/** Splunk source types whose format the parsers know. */
const SOURCETYPE_FORMATS: Record<string, FormatName> = {
  _json: 'json',
  json: 'json',
  syslog: 'syslog',
  linux_secure: 'linux-auth',
  linux_audit: 'auditd',
  access_combined: 'web-access',
  access_common: 'web-access',
  cef: 'cef',
  leef: 'leef',
  'aws:cloudtrail': 'cloudtrail',
};

export function formatOfSourcetype(sourcetype: string | undefined): FormatName | undefined {
  return sourcetype === undefined ? undefined : SOURCETYPE_FORMATS[sourcetype.toLowerCase()];
}

/** The non-empty string fields `keys` of an object (an envelope, or a query string) as HEC metadata. */
export function metaOf(
  from: Record<string, unknown>,
  keys: readonly ('host' | 'source' | 'sourcetype' | 'index')[],
): HecMeta {
  const meta: HecMeta = {};
  for (const key of keys) {
    const value = from[key];
    if (typeof value === 'string' && value !== '') meta[key] = value;
  }
  return meta;
}

/**
 * Splits a `/services/collector/event` body: one or more concatenated envelopes
 * `{"time","host","source","sourcetype","index","event","fields"}`. Broken envelopes are kept as
 * records (stored with a parse error) and the first one is reported as Splunk does.
 */
export function parseHecEvents(body: string): HecBatch {
  const batch: HecBatch = { records: [], meta: [] };
  const flag = (answer: HecAnswer, reason: string) => {
    batch.invalid ??= { number: batch.records.length, answer, reason };
  };
  for (const chunk of splitJsonDocuments(body)) {
    if (!chunk.ok) {
      flag(HEC.invalidDataFormat, chunk.error);
      batch.records.push(chunk.text);
      batch.meta.push({});
      continue;
    }
    const value = chunk.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      flag(HEC.invalidDataFormat, 'an event envelope must be a JSON object');
      batch.records.push(JSON.stringify(value));
      batch.meta.push({});
      continue;
    }
    const envelope = value as Record<string, unknown>;
    const event = envelope['event'];
    if (event === undefined || event === null) {
      flag(HEC.eventRequired, 'the envelope has no "event" field');
      batch.records.push(envelope);
      batch.meta.push({});
      continue;
    }
    if (event === '') flag(HEC.eventBlank, 'the "event" field is empty');
    const time = Number(envelope['time']);
    const fields = envelope['fields'];
    const meta = metaOf(envelope, ['host', 'source', 'sourcetype', 'index']);
    if (envelope['time'] !== undefined && Number.isFinite(time)) meta.time = time;
    if (fields !== null && typeof fields === 'object' && !Array.isArray(fields)) {
      meta.fields = fields as Record<string, unknown>;
    }
    batch.records.push(
      typeof event === 'string' || (typeof event === 'object' && !Array.isArray(event))
        ? (event as RecordInput)
        : JSON.stringify(event),
    );
    batch.meta.push(meta);
  }
  return batch;
}

/**
 * Applies HEC metadata to a parsed event: `time` is Splunk's event time and wins; `host` fills
 * `host.name` when the event has none; source, sourcetype, index and indexed fields go to `labels`.
 */
export function applyHecMeta(event: ParsedEvent, meta: HecMeta | undefined): void {
  if (meta === undefined) return;
  if (meta.time !== undefined) {
    const ms = meta.time > 1e12 ? meta.time : meta.time * 1000;
    const iso = new Date(ms);
    if (Number.isFinite(iso.getTime())) event['@timestamp'] = iso.toISOString();
  }
  const host = (event['host'] ?? {}) as Record<string, unknown>;
  if (meta.host !== undefined && host['name'] === undefined) event['host'] = { ...host, name: meta.host };
  const labels: Record<string, unknown> = {
    ...((event['labels'] as Record<string, unknown> | undefined) ?? {}),
  };
  if (meta.source !== undefined) labels['hec_source'] = meta.source;
  if (meta.sourcetype !== undefined) labels['hec_sourcetype'] = meta.sourcetype;
  if (meta.index !== undefined) labels['hec_index'] = meta.index;
  for (const [k, v] of Object.entries(meta.fields ?? {})) labels[k] = v;
  if (Object.keys(labels).length > 0) event['labels'] = labels;
}
