import type { ParsedEvent } from '../parsed-event.ts';
import { failedEvent } from '../ecs/new-event.ts';
import { addRelated } from '../ecs/related.ts';
import { applyCef } from '../cef/parse-cef.ts';
import { applyLeef } from '../leef/parse-leef.ts';
import { applyLinuxAuth } from '../linux-auth/apply-linux-auth.ts';
import { parseSyslogHeader } from './syslog-header.ts';
import { syslogEvent } from './syslog-event.ts';

/**
 * A syslog line (RFC 5424 or 3164) → ECS; its MSG is interpreted further when it is CEF, LEEF,
 * or a Linux auth message (sshd, sudo, su, useradd, pam…).
 * @example parseSyslog('<38>Jan  5 10:00:00 web1 sshd[42]: Accepted password for bob from 10.0.0.9 port 5122 ssh2', now)
 */
export function parseSyslog(line: string, receivedAt: number): ParsedEvent {
  const header = parseSyslogHeader(line, receivedAt);
  if (typeof header === 'string') return failedEvent(line, receivedAt, header);
  const event = syslogEvent(header, line, receivedAt);
  const msg = header.msg;
  const cef = msg.indexOf('CEF:');
  const leef = msg.indexOf('LEEF:');
  if (cef >= 0 && cef < 64 && /^CEF:\s?\d+\|/.test(msg.slice(cef))) {
    const error = applyCef(event, msg.slice(cef));
    if (error !== undefined) event.parse_error = error;
    return event;
  }
  if (leef >= 0 && leef < 64 && /^LEEF:\s?\d/.test(msg.slice(leef))) {
    const error = applyLeef(event, msg.slice(leef));
    if (error !== undefined) event.parse_error = error;
    return event;
  }
  // rsyslog re-framing RFC 3164 as RFC 5424 keeps the space that followed the tag: ignore it.
  applyLinuxAuth(event, header.appName, msg.trimStart());
  addRelated(event);
  return event;
}
