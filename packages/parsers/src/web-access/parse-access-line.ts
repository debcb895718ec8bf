import type { ParsedEvent } from '../parsed-event.ts';
import { newEvent } from '../ecs/new-event.ts';
import { toIsoTime } from '../ecs/to-iso-time.ts';
import { applyWebAccess } from './web-event.ts';

/** Common/combined log format, optionally followed by extra fields (vhost, timings). */
export const accessLineRe =
  /^(\S+) (\S+) (\S+) \[([^\]]+)\] "((?:[^"\\]|\\.)*)" (\d{3}|-) (\d+|-)(?: "((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)")?(.*)$/;

/**
 * Apache/nginx access line (common or combined) → ECS web event.
 * @example parseAccessLine('1.2.3.4 - - [17/May/2015:10:05:03 +0000] "GET / HTTP/1.1" 200 5 "-" "curl"', now)
 */
export function parseAccessLine(line: string, receivedAt: number): ParsedEvent {
  const m = accessLineRe.exec(line);
  if (!m) {
    const event = newEvent(undefined, receivedAt);
    event.message = line;
    event.parse_error = /\[[^\]]+\]/.test(line)
      ? 'web-access: line does not match the common/combined format (expected: ip ident user [time] "request" status bytes)'
      : 'web-access: no [time] field found';
    return event;
  }
  const [, client, ident, user, time, request, status, bytes, referrer, agent] = m;
  const event = newEvent(toIsoTime(time), receivedAt);
  event.message = line;
  const unescape = (s: string | undefined) =>
    s === undefined || s === '-' ? undefined : s.replace(/\\(["\\])/g, '$1');
  const req = unescape(request) ?? '';
  const parts = /^(\S+) (\S+)(?: (HTTP\/[\d.]+))?$/.exec(req);
  applyWebAccess(
    event,
    {
      client,
      user: user === '-' ? undefined : user,
      method: parts?.[1],
      target: parts?.[2],
      httpVersion: parts?.[3],
      status,
      bytes,
      referrer: unescape(referrer),
      userAgent: unescape(agent),
    },
    'apache.access',
  );
  const raw: Record<string, unknown> = {
    clientip: client,
    ident,
    auth: user,
    timestamp: time,
    request: req,
    response: status,
    bytes,
  };
  if (referrer !== undefined) raw['referrer'] = referrer;
  if (agent !== undefined) raw['agent'] = agent;
  event.raw = raw;
  return event;
}
