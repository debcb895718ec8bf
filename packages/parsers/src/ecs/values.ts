const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const ipv6 = /^(?=.*:)[0-9a-fA-F:.]{2,45}(%[\w.]+)?$/;

/** True for an IPv4 or IPv6 literal (`::1`, `0:0:0:0:0:0:0:1`, `::ffff:1.2.3.4`). */
export function isIp(value: string): boolean {
  return ipv4.test(value) || (ipv6.test(value) && value.split('::').length <= 2);
}

/** Integer from a decimal or `0x` hex string/number; undefined when not an integer. */
export function toInt(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (/^-?\d+$/.test(s)) {
    const n = Number(s);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  if (/^0x[0-9a-f]+$/i.test(s)) {
    const n = Number.parseInt(s.slice(2), 16);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  return undefined;
}

/** A non-empty string (not `-`), or undefined; numbers and booleans are stringified. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' || value === '-' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return undefined;
}

/** Last path segment of a Windows or POSIX path (`C:\\Windows\\cmd.exe` → `cmd.exe`). */
export function baseName(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const i = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
  const name = i >= 0 ? path.slice(i + 1) : path;
  return name === '' ? undefined : name;
}

/** Directory part of a path, or undefined. */
export function dirName(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const i = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
  return i > 0 ? path.slice(0, i) : undefined;
}

/** True for a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const ianaTransports: Record<string, string> = {
  '1': 'icmp',
  '6': 'tcp',
  '17': 'udp',
  '58': 'ipv6-icmp',
  '47': 'gre',
};

/** `6` → `tcp`, `TCP` → `tcp`: ECS `network.transport` from an IANA number or a name. */
export function transportName(value: string | undefined): string | undefined {
  if (value === undefined || value === '' || value === '-') return undefined;
  return ianaTransports[value] ?? value.toLowerCase();
}
