import type { ParsedEvent } from '../parsed-event.ts';
import { failedEvent, newEvent } from '../ecs/new-event.ts';
import { applyLinuxAuth } from './apply-linux-auth.ts';
import { parseSyslogHeader } from '../syslog/syslog-header.ts';
import { syslogEvent } from '../syslog/syslog-event.ts';

/**
 * A line of /var/log/auth.log or /var/log/secure (syslog framed, or a bare message).
 * A bare message that matches no known auth pattern is a parse error.
 */
export function parseLinuxAuth(line: string, receivedAt: number): ParsedEvent {
  const header = parseSyslogHeader(line, receivedAt);
  if (typeof header !== 'string') {
    const event = syslogEvent(header, line, receivedAt);
    applyLinuxAuth(event, header.appName, header.msg);
    return event;
  }
  const event = newEvent(undefined, receivedAt);
  event.message = line;
  if (!applyLinuxAuth(event, undefined, line)) {
    return failedEvent(
      line,
      receivedAt,
      `linux-auth: ${header.replace(/^syslog: /, '')} and no known auth message matched`,
    );
  }
  event.raw = { msg: line };
  return event;
}
