import type { FormatName } from '@vigil/parsers';
import { usageError } from '../usage-error.ts';

export const INGEST_FORMATS: readonly FormatName[] = [
  'auto',
  'json',
  'windows',
  'syslog',
  'cef',
  'leef',
  'kv',
  'linux-auth',
  'auditd',
  'web-access',
  'cloudtrail',
  'cts',
  'text',
];

/** Options of `vigil ingest` after validation. */
export interface IngestArgs {
  files: string[];
  workspace: string;
  dataSpace: string;
  format: FormatName;
  /** Remote mode: the server's base URL and an ingest token. */
  server?: { url: string; token: string };
}

/** Validates the parsed flags (`--token` may come from VIGIL_INGEST_TOKEN, keeping it out of `ps`). */
export function checkIngestArgs(
  values: Record<string, string | boolean | undefined>,
  positionals: string[],
  env: Record<string, string | undefined>,
): IngestArgs {
  const str = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  if (positionals.length === 0) throw usageError('at least one FILE is required (see `vigil ingest --help`)');
  const workspace = str('workspace');
  if (workspace === undefined || workspace === '')
    throw usageError('--workspace W is required (see `vigil ingest --help`)');
  const format = (str('format') ?? 'auto') as FormatName;
  if (!INGEST_FORMATS.includes(format)) {
    throw usageError(`--format must be one of ${INGEST_FORMATS.join(', ')}`);
  }
  const url = str('server');
  const token = str('token') ?? env['VIGIL_INGEST_TOKEN'];
  if (url !== undefined && (token === undefined || token === '')) {
    throw usageError('--server needs --token T (or VIGIL_INGEST_TOKEN)');
  }
  if (url === undefined && str('token') !== undefined)
    throw usageError('--token is only used with --server URL');
  if (url !== undefined && !/^https?:\/\//.test(url))
    throw usageError('--server must be an http:// or https:// URL');
  return {
    files: positionals,
    workspace,
    dataSpace: str('data-space') ?? 'default',
    format,
    ...(url !== undefined && token !== undefined ? { server: { url: url.replace(/\/+$/, ''), token } } : {}),
  };
}
