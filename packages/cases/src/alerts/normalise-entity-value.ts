/** Normalisers for entity values: the same host, user, IP or path seen in different sources gets one value. */

/** `WS01.corp.local.` → `ws01.corp.local`; empty or placeholder values → undefined. */
export function normaliseHost(value: unknown): string | undefined {
  const s = text(value)?.toLowerCase().replace(/\.+$/, '');
  return s === undefined || s === '' || s === 'localhost' ? undefined : s;
}

/** `CORP\\Alice` or (`alice`, `CORP`) → `corp\\alice`; `alice@corp.com` stays as is, lower-cased. */
export function normaliseUser(name: unknown, domain?: unknown): string | undefined {
  let n = text(name);
  let d = text(domain);
  if (n === undefined) return undefined;
  const slash = n.indexOf('\\');
  if (slash >= 0) {
    d ??= n.slice(0, slash);
    n = n.slice(slash + 1);
  }
  n = n.trim().toLowerCase();
  if (n === '') return undefined;
  d = d?.trim().toLowerCase();
  return d === undefined || d === '' ? n : `${d}\\${n}`;
}

/** Canonical IP text: IPv4 without leading zeros, IPv6 lower-case, `::ffff:a.b.c.d` → `a.b.c.d`; non-IPs → undefined. */
export function normaliseIp(value: unknown): string | undefined {
  let s = text(value)?.toLowerCase();
  if (s === undefined) return undefined;
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  if (s.startsWith('::ffff:') && s.includes('.')) s = s.slice('::ffff:'.length);
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4 !== null) {
    const parts = v4.slice(1).map(Number);
    return parts.every((p) => p <= 255) ? parts.join('.') : undefined;
  }
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  return /^[0-9a-f:]+$/.test(s) && s.includes(':') && s.split(':').length <= 8 ? s : undefined;
}

/** Windows paths (`C:\\…`, `\\\\server\\…`) are case-insensitive: fold them; POSIX paths keep their case. */
export function normalisePath(value: unknown): string | undefined {
  const s = text(value);
  if (s === undefined) return undefined;
  return /^[a-zA-Z]:[\\/]|^\\\\|^%\w+%/.test(s) ? s.toLowerCase() : s;
}

/** DNS names: lower-case without the trailing dot; IP literals are not domains. */
export function normaliseDomain(value: unknown): string | undefined {
  const s = text(value)?.toLowerCase().replace(/\.+$/, '');
  if (s === undefined || s === '' || normaliseIp(s) !== undefined) return undefined;
  return /^[a-z0-9_.*-]+$/.test(s) ? s : undefined;
}

/** Hex digests of the usual lengths (md5, sha1, sha256, sha512), lower-cased. */
export function normaliseHash(value: unknown): string | undefined {
  const s = text(value)?.toLowerCase();
  return s !== undefined && /^[0-9a-f]+$/.test(s) && [32, 40, 64, 128].includes(s.length) ? s : undefined;
}

/** Trimmed non-empty text; numbers become text; `-` and empty strings are absent values. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  return s === '' || s === '-' ? undefined : s;
}
