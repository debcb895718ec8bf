import { monthIndex, toIsoTime } from '../ecs/to-iso-time.ts';
import { parseStructuredData, type StructuredData } from './structured-data.ts';

/** The parts of a syslog line, RFC 5424 or RFC 3164 (BSD, also without PRI as in /var/log/auth.log). */
export interface SyslogHeader {
  rfc: '5424' | '3164';
  pri: number | undefined;
  version: number | undefined;
  /** ISO-8601 time, when the line had a parseable one. */
  time: string | undefined;
  timestampText: string | undefined;
  hostname: string | undefined;
  appName: string | undefined;
  procId: string | undefined;
  msgId: string | undefined;
  structuredData: StructuredData | undefined;
  msg: string;
}

const rfc5424 = /^<(\d{1,3})>(\d{1,2}) (\S+) (\S+) (\S+) (\S+) (\S+) /;
const bsdTime = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (?:(\d{4}) )?(\d\d:\d\d:\d\d)(\.\d+)?(?: (\d{4}))?(?=\s|$)/;
const isoTime = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)(?=\s|$)/;
const tagRe = /^([^\s[\]:]{1,64})(?:\[([^\]\s]{0,32})\])?:(?: |$)/;

/**
 * Parses a syslog header. RFC 3164 times have no year or zone: the year is the arrival year
 * (last year when that would put the event more than a day in the future) and the zone is UTC.
 * @example parseSyslogHeader('<34>Oct 11 22:14:15 mymachine su[12]: fail', Date.now())
 */
export function parseSyslogHeader(line: string, receivedAt: number): SyslogHeader | string {
  const m5424 = rfc5424.exec(line);
  if (m5424 && m5424[2] !== '0') return parse5424(line, m5424);
  let rest = line;
  let pri: number | undefined;
  const priMatch = /^<(\d{1,3})>/.exec(rest);
  if (priMatch) {
    pri = Number(priMatch[1]);
    if (pri > 191) return `syslog: priority ${pri} out of range 0-191`;
    rest = rest.slice(priMatch[0].length);
  }
  let time: string | undefined;
  let timestampText: string | undefined;
  const bsd = bsdTime.exec(rest);
  const iso = bsd ? null : isoTime.exec(rest);
  if (bsd) {
    timestampText = bsd[0];
    time = bsdToIso(bsd, receivedAt);
    rest = rest.slice(bsd[0].length).replace(/^ +/, '');
  } else if (iso) {
    timestampText = iso[1];
    time = toIsoTime(iso[1]);
    rest = rest.slice(iso[0].length).replace(/^ +/, '');
  } else if (pri === undefined) {
    return 'syslog: line starts with neither <PRI> nor a timestamp';
  }
  let hostname: string | undefined;
  if (timestampText !== undefined && !tagRe.test(rest)) {
    const sp = rest.indexOf(' ');
    hostname = sp < 0 ? rest : rest.slice(0, sp);
    rest = sp < 0 ? '' : rest.slice(sp + 1);
  }
  const tag = tagRe.exec(rest);
  const header: SyslogHeader = {
    rfc: '3164',
    pri,
    version: undefined,
    time,
    timestampText,
    hostname: hostname === '' ? undefined : hostname,
    appName: tag?.[1],
    procId: tag?.[2] === '' ? undefined : tag?.[2],
    msgId: undefined,
    structuredData: undefined,
    msg: tag ? rest.slice(tag[0].length) : rest,
  };
  return header;
}

function parse5424(line: string, m: RegExpExecArray): SyslogHeader | string {
  const pri = Number(m[1]);
  if (pri > 191) return `syslog: priority ${pri} out of range 0-191`;
  const ts = m[3] ?? '-';
  const time = ts === '-' ? undefined : toIsoTime(ts);
  if (ts !== '-' && time === undefined)
    return `syslog: RFC 5424 timestamp ${JSON.stringify(ts)} is not ISO-8601`;
  const sd = parseStructuredData(line, m[0].length);
  if ('error' in sd) return sd.error;
  let msg = line.slice(sd.end);
  if (msg.startsWith(' ')) msg = msg.slice(1);
  if (msg.startsWith('\ufeff')) msg = msg.slice(1);
  const nil = (v: string | undefined) => (v === '-' ? undefined : v);
  return {
    rfc: '5424',
    pri,
    version: Number(m[2]),
    time,
    timestampText: nil(ts),
    hostname: nil(m[4]),
    appName: nil(m[5]),
    procId: nil(m[6]),
    msgId: nil(m[7]),
    structuredData: sd.data,
    msg,
  };
}

function bsdToIso(m: RegExpExecArray, receivedAt: number): string | undefined {
  const month = monthIndex(m[1] ?? '');
  if (month === undefined) return undefined;
  const [hh, mm, ss] = (m[4] ?? '').split(':').map(Number);
  const ms = m[5] ? Math.round(Number(m[5]) * 1000) : 0;
  const explicitYear = m[3] ?? m[6];
  const day = Number(m[2]);
  const at = (year: number) => Date.UTC(year, month, day, hh ?? 0, mm ?? 0, ss ?? 0, ms);
  let t: number;
  if (explicitYear !== undefined) t = at(Number(explicitYear));
  else {
    const year = new Date(receivedAt).getUTCFullYear();
    t = at(year);
    if (t > receivedAt + 86_400_000) t = at(year - 1);
  }
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}
