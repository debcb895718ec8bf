import type { DetectedFormat } from '../parsed-event.ts';
import { isRecord } from '../ecs/values.ts';
import { isCloudTrailRecord } from '../cloudtrail/parse-cloudtrail.ts';
import { isCtsTrace } from '../cts/parse-cts.ts';
import { isAuthProgram } from '../linux-auth/apply-linux-auth.ts';
import { parseSyslogHeader } from '../syslog/syslog-header.ts';
import { accessLineRe } from '../web-access/parse-access-line.ts';
import { isAccessJson } from '../web-access/parse-access-json.ts';
import { isWindowsObject } from '../windows/windows-record.ts';

/** The format of a parsed JSON object. */
export function detectObjectFormat(obj: Record<string, unknown>): DetectedFormat {
  if (isWindowsObject(obj)) return 'windows';
  if (isCloudTrailRecord(obj) || Array.isArray(obj['Records'])) return 'cloudtrail';
  if (isCtsTrace(obj)) return 'cts';
  if (isAccessJson(obj)) return 'web-access';
  return 'json';
}

/**
 * Guesses the format of one record (a line, a JSON text, or an object).
 * @example detectFormat('CEF:0|Vendor|Product|1|100|Name|5|src=10.0.0.1') === 'cef'
 */
export function detectFormat(sample: string | Record<string, unknown>): DetectedFormat {
  if (typeof sample !== 'string') return detectObjectFormat(sample);
  const text = sample.trimStart();
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      const value: unknown = JSON.parse(text);
      if (isRecord(value)) return detectObjectFormat(value);
      if (Array.isArray(value) && isRecord(value[0])) return detectObjectFormat(value[0]);
      return 'json';
    } catch {
      return 'json';
    }
  }
  if (text.startsWith('CEF:')) return 'cef';
  if (text.startsWith('LEEF:')) return 'leef';
  if (/^(?:node=\S+ )?type=\S+ msg=audit\(/.test(text)) return 'auditd';
  if (accessLineRe.test(text)) return 'web-access';
  const header = parseSyslogHeader(text, 0);
  if (typeof header !== 'string') {
    if (/^CEF:\s?\d+\|/.test(header.msg)) return 'cef';
    if (/^LEEF:\s?\d/.test(header.msg)) return 'leef';
    return isAuthProgram(header.appName) ? 'linux-auth' : 'syslog';
  }
  if (/(?:^|\s)[\w.-]+=("[^"]*"|\S*)(?:\s+[\w.-]+=)/.test(text)) return 'kv';
  return 'text';
}
