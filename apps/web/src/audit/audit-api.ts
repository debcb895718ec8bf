// The workspace audit log (apps/server/src/audit/audit.routes.ts): filtered, newest first, paged back by `seq`.
import { apiFetch, apiJson } from '../api/api-client.ts';
import { saveResponse } from '../api/save-response.ts';
import { obj, objects, str, type Json } from '../admin/parse.ts';

export interface AuditRecord {
  readonly seq: number;
  readonly time: string;
  readonly eventType: string;
  readonly userId: string | undefined;
  readonly resource: string | undefined;
  readonly clientIp: string | undefined;
  readonly clientId: string | undefined;
  readonly result: string;
  readonly details: Json | undefined;
}

export interface AuditFilter {
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly eventType: string;
  readonly userId: string;
  readonly result: '' | 'success' | 'failure' | 'denied';
}

export const AUDIT_PAGE_SIZE = 50;

export function parseAuditRecords(v: unknown): AuditRecord[] {
  return objects(v).flatMap((r) => {
    const seq = r['seq'];
    const time = str(r['time']);
    const eventType = str(r['event_type']);
    if (typeof seq !== 'number' || time === undefined || eventType === undefined) return [];
    const details = r['details'];
    return [
      {
        seq,
        time,
        eventType,
        userId: str(r['user_id']),
        resource: str(r['resource']),
        clientIp: str(r['client_ip']),
        clientId: str(r['client_id']),
        result: str(r['result']) ?? 'unknown',
        details: typeof details === 'object' && details !== null ? obj(details) : undefined,
      },
    ];
  });
}

/** The filters as query parameters (empty ones left out): the viewer and the export send the same. */
export function auditFilterParams(filter: AuditFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.from !== undefined) params.set('from', filter.from);
  if (filter.to !== undefined) params.set('to', filter.to);
  if (filter.eventType.trim() !== '') params.set('eventType', filter.eventType.trim());
  if (filter.userId !== '') params.set('userId', filter.userId);
  if (filter.result !== '') params.set('result', filter.result);
  return params;
}

/** The query string of one page, newest first: `beforeSeq` continues below the previous page. */
export function auditSearchParams(filter: AuditFilter, beforeSeq: string | undefined): URLSearchParams {
  const params = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  for (const [k, v] of auditFilterParams(filter)) params.set(k, v);
  if (beforeSeq !== undefined) params.set('beforeSeq', beforeSeq);
  return params;
}

export type AuditExportOrder = 'asc' | 'desc';

/** The export's query string: the viewer's filters, the format and the order (oldest first by default). */
export function auditExportParams(
  filter: AuditFilter,
  format: AuditExportFormat,
  order: AuditExportOrder = 'asc',
): URLSearchParams {
  const params = auditFilterParams(filter);
  params.set('format', format);
  params.set('order', order);
  return params;
}

export interface AuditPage {
  readonly records: readonly AuditRecord[];
  readonly next: string | undefined;
}

export async function readAudit(
  workspaceId: string,
  filter: AuditFilter,
  beforeSeq: string | undefined,
  signal: AbortSignal,
): Promise<AuditPage> {
  const query = auditSearchParams(filter, beforeSeq).toString();
  const body = obj(
    await apiJson('GET', `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/audit?${query}`, undefined, {
      signal,
    }),
  );
  return { records: parseAuditRecords(body['records']), next: str(body['next']) };
}

export type AuditExportFormat = 'json' | 'csv';

/** Saves the filtered log as a file, in the chosen order (the export is audited, filters included). */
export async function downloadAuditExport(
  workspaceId: string,
  format: AuditExportFormat,
  filter: AuditFilter,
  order: AuditExportOrder = 'asc',
): Promise<void> {
  const query = auditExportParams(filter, format, order).toString();
  const response = await apiFetch(
    'GET',
    `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/audit/export?${query}`,
    undefined,
    { timeoutMs: 5 * 60_000 },
  );
  await saveResponse(response, `vigil-audit.${format}`);
}

export interface ChainVerification {
  readonly ok: boolean;
  /** One line per problem: `seq 12: hash_mismatch`. */
  readonly problems: readonly string[];
  readonly records: number | undefined;
  /** Highest seq pinned by a valid signed checkpoint. */
  readonly verifiedThrough: number | undefined;
  /** Records after the last checkpoint: chained, not yet signed. */
  readonly unsignedTail: number | undefined;
}

const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

/** `GET /api/v1/audit/verification` (platform-level: needs `platform.audit.read`). */
export async function verifyChain(signal: AbortSignal): Promise<ChainVerification> {
  const body = obj(await apiJson('GET', '/api/v1/audit/verification', undefined, { signal }));
  return {
    ok: body['ok'] === true,
    problems: objects(body['problems']).map(
      (p) => `seq ${String(num(p['seq']) ?? '?')}: ${str(p['problem']) ?? 'problem'}`,
    ),
    records: num(body['records']),
    verifiedThrough: num(body['verifiedThrough']),
    unsignedTail: num(body['unsignedTail']),
  };
}
