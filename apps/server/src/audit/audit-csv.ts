import type { AuditRecord } from '@vigil/identity';

export const AUDIT_CSV_COLUMNS = [
  'seq',
  'time',
  'event_type',
  'user_id',
  'resource',
  'workspace',
  'client_ip',
  'client_id',
  'result',
  'request_id',
  'details',
  'prev_hash',
  'hash',
] as const;

/** RFC 4180 field; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Audit records as CSV with a header line (the hash columns let a recipient re-verify the chain). */
export function auditRecordsToCsv(records: readonly AuditRecord[]): string {
  const lines = [AUDIT_CSV_COLUMNS.join(',')];
  for (const r of records) lines.push(AUDIT_CSV_COLUMNS.map((c) => field(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
