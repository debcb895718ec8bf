// Syslog sources registered by TLS client certificate or CA (`…/syslog-sources`), and the listener
// addresses senders connect to (`…/syslog-listeners`).
import { apiFetch, apiJson } from '../api/api-client.ts';

export type SyslogMatch = 'certificate' | 'issuer';

export interface SyslogSourceView {
  readonly id: string;
  readonly name: string;
  readonly dataSpace: string;
  /** `certificate`: one pinned client certificate; `issuer`: any certificate the CA issued. */
  readonly match: SyslogMatch;
  /** SHA-256, lower-case hex without colons (of the client certificate or of the CA). */
  readonly fingerprint: string;
  readonly subject: string | undefined;
  /** The source label its events carry (`syslog-tls:<name>`). */
  readonly source: string;
  readonly createdAt: string;
}

export type SyslogTransport = 'udp' | 'tcp' | 'tls';

export interface SyslogListener {
  readonly transport: SyslogTransport;
  readonly enabled: boolean;
  readonly port: number;
  readonly up: boolean;
}

export interface SyslogListeners {
  readonly host: string;
  readonly listeners: readonly SyslogListener[];
  readonly clientCertificates: boolean;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const records = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v)
    ? (v as unknown[]).filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
    : [];

/** The list answer, tolerant of missing fields; rows without an id are skipped (they cannot be deleted). */
export function parseSyslogSources(body: unknown): SyslogSourceView[] {
  return records((body as { sources?: unknown } | null | undefined)?.sources)
    .filter((r) => str(r['id']) !== '')
    .map((r) => ({
      id: str(r['id']),
      name: str(r['name']),
      dataSpace: str(r['dataSpace']),
      match: r['match'] === 'issuer' ? ('issuer' as const) : ('certificate' as const),
      fingerprint: str(r['fingerprint']),
      subject: typeof r['subject'] === 'string' ? r['subject'] : undefined,
      source: str(r['source']),
      createdAt: str(r['createdAt']),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

const TRANSPORTS: readonly SyslogTransport[] = ['udp', 'tcp', 'tls'];

/** The listeners answer; unknown transports are ignored. */
export function parseSyslogListeners(body: unknown): SyslogListeners {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return {
    host: str(b['host']),
    listeners: records(b['listeners']).flatMap((l) => {
      const transport = TRANSPORTS.find((t) => t === l['transport']);
      const port = l['port'];
      if (transport === undefined || typeof port !== 'number') return [];
      return [{ transport, enabled: l['enabled'] === true, port, up: l['up'] === true }];
    }),
    clientCertificates: b['clientCertificates'] === true,
  };
}

const base = (workspaceId: string) => `/api/v1/workspaces/${encodeURIComponent(workspaceId)}`;

export async function listSyslogSources(workspaceId: string, signal: AbortSignal) {
  return parseSyslogSources(
    await apiJson('GET', `${base(workspaceId)}/syslog-sources`, undefined, { signal }),
  );
}

export async function fetchSyslogListeners(workspaceId: string, signal: AbortSignal) {
  return parseSyslogListeners(
    await apiJson('GET', `${base(workspaceId)}/syslog-listeners`, undefined, { signal }),
  );
}

export interface NewSyslogSource {
  readonly name: string;
  readonly dataSpace: string;
  /** Exactly one of the two, as the API requires. */
  readonly certificateSha256?: string;
  readonly caCertificate?: string;
}

export async function createSyslogSource(workspaceId: string, input: NewSyslogSource) {
  const [created] = parseSyslogSources({
    sources: [await apiJson('POST', `${base(workspaceId)}/syslog-sources`, input)],
  });
  return created;
}

export async function deleteSyslogSource(workspaceId: string, sourceId: string): Promise<void> {
  await apiFetch('DELETE', `${base(workspaceId)}/syslog-sources/${encodeURIComponent(sourceId)}`);
}
