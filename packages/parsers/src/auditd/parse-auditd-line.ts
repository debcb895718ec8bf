import type { ParsedEvent } from '../parsed-event.ts';
import { failedEvent } from '../ecs/new-event.ts';
import { auditToEcs } from './audit-to-ecs.ts';
import { parseAuditRecord } from './parse-audit-record.ts';

/** One audit record as its own event (use `createAuditdCoalescer` to group multi-record events). */
export function parseAuditdLine(line: string, receivedAt: number): ParsedEvent {
  const rec = parseAuditRecord(line.trim());
  if (typeof rec === 'string') return failedEvent(line, receivedAt, rec);
  const event = auditToEcs([rec], receivedAt);
  event.message = line;
  return event;
}
