import type { FormatName, ParsedEvent, ParseOptions } from './parsed-event.ts';
import { createAuditdCoalescer } from './auditd/auditd-coalescer.ts';
import { detectFormat } from './detect/detect-format.ts';
import { parseRecord } from './parse-record.ts';
import { splitRecords } from './split-records.ts';

/**
 * Frames and parses a whole text (a file's content or a request body) into events, in order.
 * Auditd input is coalesced by serial; every other format is one event per record.
 */
export function parseRecords(text: string, options: ParseOptions): ParsedEvent[] {
  let format: FormatName = options.format ?? 'auto';
  const records = splitRecords(text, format);
  const sample = records[0];
  if (format === 'auto' && typeof sample === 'string' && detectFormat(sample) === 'auditd') format = 'auditd';
  if (format === 'auditd') {
    const coalescer = createAuditdCoalescer();
    const events: ParsedEvent[] = [];
    for (const r of records) {
      if (typeof r === 'string') events.push(...coalescer.push(r, options.receivedAt));
      else events.push(parseRecord(r, options));
    }
    events.push(...coalescer.flush());
    return events;
  }
  return records.map((r) => parseRecord(r, { ...options, format }));
}
