/** One audit record line: `type=SYSCALL msg=audit(1524662933.080:61207): k=v …`. */
export interface AuditRecord {
  type: string;
  /** Seconds since epoch, with milliseconds. */
  time: number;
  serial: string;
  node: string | undefined;
  fields: Record<string, string>;
}

const headerRe = /^(?:node=(\S+) )?type=(\S+) msg=audit\((\d+(?:\.\d+)?):(\d+)\):\s?/;

/** Fields that auditd hex-encodes when they contain spaces or special characters. */
const encodedKeys = new Set([
  'comm',
  'exe',
  'name',
  'cwd',
  'proctitle',
  'path',
  'key',
  'data',
  'acct',
  'cmd',
  'ocomm',
  'old',
  'new',
  'saddr',
]);

/**
 * Parses one audit record; user-space records' `msg='op=… res=…'` payload is merged into the fields.
 * Returns an error text when the `type=… msg=audit(ts:serial):` header is missing.
 */
export function parseAuditRecord(line: string): AuditRecord | string {
  const m = headerRe.exec(line);
  if (!m) return 'auditd: missing "type=… msg=audit(<time>:<serial>):" header';
  // Enriched logs append interpreted fields (`UID="root"`) after a 0x1D separator, which some
  // copies lose, leaving `key=(null)ARCH=x86_64`.
  const body = line
    .slice(m[0].length)
    .replaceAll('\u001d', ' ')
    .replace(/\(null\)(?=[A-Z])/g, '(null) ');
  const fields = parseAuditFields(body, m[2] ?? '');
  return { node: m[1], type: m[2] ?? '', time: Number(m[3]), serial: m[4] ?? '', fields };
}

function parseAuditFields(text: string, type: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w-]+)=("([^"]*)"|'([^']*)'|(\S*))/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const key = m[1] ?? '';
    if (m[4] !== undefined && key === 'msg') {
      // The user-space payload: `msg='op=PAM:session_open acct="root" … res=success'`.
      Object.assign(out, parseAuditFields(m[4], type));
      continue;
    }
    let value = m[3] ?? m[4] ?? m[5] ?? '';
    const quoted = m[3] !== undefined || m[4] !== undefined;
    if (!quoted && shouldDecode(key, type) && /^(?:[0-9A-F]{2})+$/.test(value)) value = decodeHex(value);
    if (!(key in out)) out[key] = value;
  }
  return out;
}

function shouldDecode(key: string, type: string): boolean {
  return encodedKeys.has(key) || (type === 'EXECVE' && /^a\d+$/.test(key));
}

/** Hex → text; NUL separators (proctitle argv) become spaces. */
function decodeHex(hex: string): string {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return new TextDecoder().decode(bytes).replace(/\0+$/, '').replace(/\0/g, ' ');
}
