import type { ParsedEvent } from '../parsed-event.ts';
import { failedEvent } from '../ecs/new-event.ts';
import { auditToEcs } from './audit-to-ecs.ts';
import { parseAuditRecord, type AuditRecord } from './parse-audit-record.ts';

/** Groups audit records by `msg=audit(ts:serial)` into one event per serial. */
export interface AuditdCoalescer {
  /** Adds one line; returns the events that are complete now (EOE seen, single-record, or aged out). */
  push(line: string, receivedAt: number): ParsedEvent[];
  /** Emits every pending group (end of file or idle timer). */
  flush(): ParsedEvent[];
  /** Number of serials waiting for more records. */
  pending(): number;
}

interface Group {
  key: string;
  records: AuditRecord[];
  receivedAt: number;
}

/** User-space record types: always a single record, so they need not wait for EOE. */
function isStandalone(type: string): boolean {
  return /^(USER_|CRED_|SERVICE_|DAEMON_|SYSTEM_|ADD_|DEL_|GRP_|CRYPTO_)/.test(type);
}

/**
 * Stateful auditd reader: kernel events span several lines (SYSCALL, PATH, CWD, PROCTITLE, EOE…)
 * that may interleave. A group is emitted at EOE, when it is older than `maxAgeSeconds` in audit
 * time than the newest record, or when more than `maxPending` groups are open (oldest first).
 * @example const c = createAuditdCoalescer(); lines.flatMap((l) => c.push(l, now)).concat(c.flush())
 */
export function createAuditdCoalescer(
  options: { maxPending?: number; maxAgeSeconds?: number } = {},
): AuditdCoalescer {
  const maxPending = options.maxPending ?? 64;
  const maxAge = options.maxAgeSeconds ?? 2;
  const groups = new Map<string, Group>();
  const emit = (g: Group): ParsedEvent => {
    groups.delete(g.key);
    return auditToEcs(g.records, g.receivedAt);
  };
  return {
    push(line, receivedAt) {
      const text = line.trim();
      if (text === '') return [];
      const rec = parseAuditRecord(text);
      if (typeof rec === 'string') return [failedEvent(line, receivedAt, rec)];
      const key = `${rec.node ?? ''}|${rec.serial}|${Math.floor(rec.time)}`;
      const out: ParsedEvent[] = [];
      let group = groups.get(key);
      if (group === undefined) {
        group = { key, records: [], receivedAt };
        groups.set(key, group);
      }
      if (rec.type !== 'EOE') group.records.push(rec);
      if (rec.type === 'EOE' || (group.records.length === 1 && isStandalone(rec.type))) {
        if (group.records.length > 0) out.push(emit(group));
        else groups.delete(key);
      }
      for (const g of [...groups.values()]) {
        const t = g.records[0]?.time ?? rec.time;
        if (rec.time - t > maxAge || groups.size > maxPending) out.push(emit(g));
        else break;
      }
      return out;
    },
    flush() {
      return [...groups.values()].map(emit);
    },
    pending() {
      return groups.size;
    },
  };
}
