import type { ParsedEvent } from '../parsed-event.ts';
import { newEvent } from '../ecs/new-event.ts';
import { setField } from '../ecs/set-field.ts';
import { isIp, toInt } from '../ecs/values.ts';
import type { SyslogHeader } from './syslog-header.ts';
import { decodePriority } from './syslog-priority.ts';

/** The ECS event of a syslog line before its MSG is interpreted (`log.syslog.*`, `host.name`, `process.*`). */
export function syslogEvent(header: SyslogHeader, line: string, receivedAt: number): ParsedEvent {
  const event = newEvent(header.time, receivedAt);
  event.message = line;
  setField(event, 'event.kind', 'event');
  setField(event, 'event.module', 'syslog');
  setField(event, 'event.dataset', 'syslog');
  if (header.pri !== undefined) {
    const { facility, severity } = decodePriority(header.pri);
    setField(event, 'log.syslog.priority', header.pri);
    setField(event, 'log.syslog.facility', facility);
    setField(event, 'log.syslog.severity', severity);
    setField(event, 'event.severity', severity.code);
  }
  setField(event, 'log.syslog.version', header.version === undefined ? undefined : String(header.version));
  setField(event, 'log.syslog.hostname', header.hostname);
  setField(event, 'log.syslog.appname', header.appName);
  setField(event, 'log.syslog.procid', header.procId);
  setField(event, 'log.syslog.msgid', header.msgId);
  setField(event, 'log.syslog.structured_data', header.structuredData);
  setField(event, 'host.name', header.hostname);
  if (header.hostname !== undefined && isIp(header.hostname)) setField(event, 'host.ip', [header.hostname]);
  setField(event, 'process.name', header.appName);
  setField(event, 'process.pid', toInt(header.procId));
  const raw: Record<string, unknown> = {};
  if (header.pri !== undefined) raw['pri'] = header.pri;
  if (header.timestampText !== undefined) raw['timestamp'] = header.timestampText;
  if (header.hostname !== undefined) raw['hostname'] = header.hostname;
  if (header.appName !== undefined) raw['app_name'] = header.appName;
  if (header.procId !== undefined) raw['proc_id'] = header.procId;
  if (header.msgId !== undefined) raw['msg_id'] = header.msgId;
  if (header.structuredData !== undefined) raw['structured_data'] = header.structuredData;
  raw['msg'] = header.msg;
  event.raw = raw;
  return event;
}
