/** RFC 5424 SD-ID carrying the ingest token (32473 is the documentation enterprise number). */
export const SYSLOG_TOKEN_SD_ID = 'vigil@32473';

/** A syslog message with its ingest token taken out. */
export interface SyslogTokenSplit {
  /** The message as it will be stored: without the token prefix or the `vigil@32473` element. */
  text: string;
  /** The token the sender presented, if any (never store or log it). */
  token?: string;
}

const PREFIX = /^(vigil_it_[^\s<]+)[ \t]+/;
const RFC5424_HEAD = /^<\d{1,3}>\d{1,2} /;

/**
 * Takes the ingest token out of a syslog message. Senders put it either in an RFC 5424
 * structured-data element `[vigil@32473 token="…"]` (rsyslog templates, `logger --sd-id`) or as a
 * prefix before the PRI (`vigil_it_… <13>…`, for RFC 3164 senders). Every `vigil@32473` element is
 * removed, so the token never reaches storage even when it is malformed.
 * @example splitSyslogToken('<13>1 - h a - - [vigil@32473 token="T"] hi') // { text: '<13>1 - h a - - - hi', token: 'T' }
 */
export function splitSyslogToken(message: string): SyslogTokenSplit {
  const prefix = PREFIX.exec(message);
  if (prefix !== null) {
    const rest = splitSyslogToken(message.slice(prefix[0].length));
    return { text: rest.text, token: prefix[1]! };
  }
  if (!RFC5424_HEAD.test(message)) return { text: message };
  const sdStart = fieldStart(message, 6);
  if (sdStart === undefined || message[sdStart] !== '[') return { text: message };
  const elements = sdElements(message, sdStart);
  if (elements === undefined) return { text: message };
  const ours = elements.filter((e) => e.id === SYSLOG_TOKEN_SD_ID);
  if (ours.length === 0) return { text: message };
  const kept = elements.filter((e) => e.id !== SYSLOG_TOKEN_SD_ID);
  const sdEnd = elements[elements.length - 1]!.end;
  const sd = kept.length === 0 ? '-' : kept.map((e) => message.slice(e.start, e.end)).join('');
  const text = message.slice(0, sdStart) + sd + message.slice(sdEnd);
  const token = ours.map((e) => e.params.get('token')).find((t) => t !== undefined && t !== '');
  return token === undefined ? { text } : { text, token };
}

/** Index where the n-th space-separated header field starts (0-based), or undefined. */
function fieldStart(text: string, n: number): number | undefined {
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const space = text.indexOf(' ', pos);
    if (space < 0) return undefined;
    pos = space + 1;
  }
  return pos;
}

interface SdElement {
  id: string;
  start: number;
  end: number;
  params: Map<string, string>;
}

/** The SD elements from `start` (RFC 5424 §6.3); undefined when the structured data is malformed. */
function sdElements(text: string, start: number): SdElement[] | undefined {
  const out: SdElement[] = [];
  let pos = start;
  while (text[pos] === '[') {
    const begin = pos;
    pos++;
    const idEnd = nextOf(text, pos, ' ]');
    if (idEnd < 0) return undefined;
    const id = text.slice(pos, idEnd);
    pos = idEnd;
    const params = new Map<string, string>();
    while (text[pos] === ' ') {
      const eq = text.indexOf('="', pos);
      if (eq < 0) return undefined;
      const name = text.slice(pos + 1, eq);
      let value = '';
      let i = eq + 2;
      for (; i < text.length && text[i] !== '"'; i++) {
        // RFC 5424 escapes only `"`, `\` and `]` inside PARAM-VALUE.
        if (text[i] === '\\' && i + 1 < text.length && '"\\]'.includes(text[i + 1]!)) i++;
        value += text[i];
      }
      if (i >= text.length) return undefined;
      params.set(name, value);
      pos = i + 1;
    }
    if (text[pos] !== ']') return undefined;
    pos++;
    out.push({ id, start: begin, end: pos, params });
  }
  return out;
}

function nextOf(text: string, from: number, chars: string): number {
  for (let i = from; i < text.length; i++) if (chars.includes(text[i]!)) return i;
  return -1;
}
