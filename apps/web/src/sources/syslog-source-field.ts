import type { ApiError } from '../api/api-error.ts';

export type SyslogSourceField = 'name' | 'dataSpace' | 'certificate';

/**
 * The form field a refusal of `POST …/syslog-sources` points at: the route's `details.field`
 * (`certificateSha256`, `caCertificate`, `dataSpace`) or a schema check's `body.name`.
 */
export function syslogSourceField(error: ApiError | null): SyslogSourceField | undefined {
  const field = error?.details['field'];
  if (typeof field !== 'string') return undefined;
  const bare = field.replace(/^body[./]/, '');
  if (bare === 'name') return 'name';
  if (bare === 'dataSpace') return 'dataSpace';
  if (bare === 'certificateSha256' || bare === 'caCertificate') return 'certificate';
  return undefined;
}
