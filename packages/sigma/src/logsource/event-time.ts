import { getField } from '@vigil/core';

const timeFields = [
  '@timestamp',
  'Event.System.TimeCreated.#attributes.SystemTime',
  'raw.UtcTime',
  'UtcTime',
  'TimeCreated',
  'EventTime',
  'eventTime',
  'timestamp',
  'time',
  'published',
  'TimeGenerated',
  'CreationTime',
  'winlog.time_created',
];

const noZone = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** Parses an event time value to epoch ms: ISO-8601 (zone-less means UTC), Sysmon's `2024-01-01 10:00:00.123`, epoch s/ms. */
export function parseEventTime(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? (Math.abs(v) < 1e11 ? v * 1000 : v) : undefined;
  if (typeof v !== 'string' || v === '') return undefined;
  const s = v.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return parseEventTime(Number(s));
  const iso = noZone.test(s) ? `${s.replace(' ', 'T')}Z` : s;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * The time an event happened, in epoch ms, from the first time field present (`@timestamp`, evtx
 * System TimeCreated, Sysmon `UtcTime`, `TimeCreated`, `EventTime`, CloudTrail `eventTime`, …).
 * Example: eventTime({'@timestamp': '2024-01-01T00:00:00Z'}) === 1704067200000.
 */
export function eventTime(event: unknown): number | undefined {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return undefined;
  const doc = event as Record<string, unknown>;
  for (const f of timeFields) {
    const v = getField(doc, f);
    if (v === undefined || v === null) continue;
    const t = parseEventTime(v);
    if (t !== undefined) return t;
  }
  return undefined;
}
