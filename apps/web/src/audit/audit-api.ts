// The workspace audit log (apps/server/src/audit/audit.routes.ts): filtered, paged forwards by `seq`.
import { apiFetch, apiJson } from '../api/api-client.ts';
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

/** The query string of one page: empty filters are left out, `afterSeq` continues after a page. */
export function auditSearchParams(filter: AuditFilter, afterSeq: string | undefined): URLSearchParams {
  const params = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  if (filter.from !== undefined) params.set('from', filter.from);
  if (filter.to !== undefined) params.set('to', filter.to);
  if (filter.eventType.trim() !== '') params.set('eventType', filter.eventType.trim());
  if (filter.userId !== '') params.set('userId', filter.userId);
  if (filter.result !== '') params.set('result', filter.result);
  if (afterSeq !== undefined) params.set('afterSeq', afterSeq);
  return params;
}

export interface AuditPage {
  readonly records: readonly AuditRecord[];
  readonly next: string | undefined;
}

export async function readAudit(
  workspaceId: string,
  filter: AuditFilter,
  afterSeq: string | undefined,
  signal: AbortSignal,
): Promise<AuditPage> {
  const query = auditSearchParams(filter, afterSeq).toString();
  const body = obj(
    await apiJson('GET', `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/audit?${query}`, undefined, {
      signal,
    }),
  );
  return { records: parseAuditRecords(body['records']), next: str(body['next']) };
}

export type AuditExportFormat = 'json' | 'csv';

/** Saves the whole workspace log as a file (the server exports every record, not the filtered view). */
export async function downloadAuditExport(workspaceId: string, format: AuditExportFormat): Promise<void> {
  const response = await apiFetch(
    'GET',
    `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/audit/export?format=${format}`,
    undefined,
    { timeoutMs: 5 * 60_000 },
  );
  const blob = await response.blob();
  const name = /filename="([^"]+)"/u.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = name ?? `vigil-audit.${format}`;
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
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
